package dev.titanj.telecom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.telecom.internal.TelecomSchemas;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import org.junit.jupiter.api.Test;

/** Every Telecom operation is bound and reachable; every record decodes and encodes by the spec's names. */
class TelecomContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new TelecomModule(), 10);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(TelecomSchemas.RESPONSE_FIELDS)).isGreaterThanOrEqualTo(29);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(TelecomSchemas.REQUEST_FIELDS)).isGreaterThanOrEqualTo(7);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new TelecomModule(), java.util.Set.of());
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new TelecomModule(), server);
      System.out.println("Telecom: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(3);
    }
  }
}
