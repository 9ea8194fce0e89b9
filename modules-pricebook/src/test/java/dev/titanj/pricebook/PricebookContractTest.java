package dev.titanj.pricebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.pricebook.internal.PricebookSchemas;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import org.junit.jupiter.api.Test;

/** Every Pricebook operation is bound and reachable; every record decodes and encodes by the spec's names. */
class PricebookContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new PricebookModule(), 40);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(PricebookSchemas.RESPONSE_FIELDS)).isGreaterThanOrEqualTo(25);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(PricebookSchemas.REQUEST_FIELDS)).isGreaterThanOrEqualTo(36);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new PricebookModule(), java.util.Set.of("pricebook.categories"));
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new PricebookModule(), server);
      System.out.println("Pricebook: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(15);
    }
  }
}
