package dev.titanj.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.accounting.internal.AccountingSchemas;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import org.junit.jupiter.api.Test;

/** Every Accounting operation is bound and reachable; every record decodes and encodes by the spec's names. */
class AccountingContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new AccountingModule(), 54);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(AccountingSchemas.RESPONSE_FIELDS)).isGreaterThan(50);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(AccountingSchemas.REQUEST_FIELDS)).isGreaterThan(15);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new AccountingModule(), java.util.Set.of("accounting.payment-types", "accounting.payment-terms", "accounting.tax-zones", "accounting.gl-accounts", "accounting.gl-accounts.types"));
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new AccountingModule(), server);
      System.out.println("Accounting: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(21);
    }
  }
}
