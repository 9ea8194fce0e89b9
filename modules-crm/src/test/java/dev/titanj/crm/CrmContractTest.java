package dev.titanj.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import dev.titanj.crm.internal.CrmSchemas;
import org.junit.jupiter.api.Test;

/** Every CRM operation is bound and reachable; every record decodes and encodes by the spec's names. */
class CrmContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new CrmModule(), 86);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(CrmSchemas.RESPONSE_FIELDS)).isGreaterThan(20);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(CrmSchemas.REQUEST_FIELDS)).isGreaterThan(20);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new CrmModule(), java.util.Set.of("crm.booking-provider-tags"));
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new CrmModule(), server);
      System.out.println("Crm: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(32);
    }
  }
}
