package dev.titanj.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import dev.titanj.dispatch.internal.DispatchSchemas;
import org.junit.jupiter.api.Test;

/** Every Dispatch operation is bound and reachable; every record decodes and encodes by the spec's names. */
class DispatchContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new DispatchModule(), 36);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(DispatchSchemas.RESPONSE_FIELDS)).isGreaterThan(15);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(DispatchSchemas.REQUEST_FIELDS)).isGreaterThan(10);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new DispatchModule(), java.util.Set.of("dispatch.zones", "dispatch.teams", "dispatch.arrival-windows", "dispatch.business-hours"));
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new DispatchModule(), server);
      System.out.println("Dispatch: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(16); // 17 with a body; activate/deactivate send a fixed one
    }
  }
}
