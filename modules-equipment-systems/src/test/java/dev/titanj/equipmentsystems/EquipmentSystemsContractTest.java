package dev.titanj.equipmentsystems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.equipmentsystems.internal.EquipmentSystemsSchemas;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import org.junit.jupiter.api.Test;

/** Every Equipment Systems operation is bound and reachable; every record decodes and encodes by the spec's names. */
class EquipmentSystemsContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new EquipmentSystemsModule(), 8);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(EquipmentSystemsSchemas.RESPONSE_FIELDS)).isGreaterThanOrEqualTo(8);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(EquipmentSystemsSchemas.REQUEST_FIELDS)).isGreaterThanOrEqualTo(3);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new EquipmentSystemsModule(), java.util.Set.of());
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new EquipmentSystemsModule(), server);
      System.out.println("EquipmentSystems: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(2);
    }
  }
}
