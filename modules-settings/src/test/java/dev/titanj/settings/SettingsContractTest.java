package dev.titanj.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import dev.titanj.settings.internal.SettingsSchemas;
import org.junit.jupiter.api.Test;

/** Every Settings operation is bound and reachable; every record decodes and encodes by the spec's names. */
class SettingsContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new SettingsModule(), 20);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(SettingsSchemas.RESPONSE_FIELDS)).isGreaterThan(10);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(SettingsSchemas.REQUEST_FIELDS)).isGreaterThan(5);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new SettingsModule(), java.util.Set.of("settings.business-units", "settings.tag-types", "settings.user-roles", "settings.employees", "settings.technicians"));
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new SettingsModule(), server);
      System.out.println("Settings: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(8);
    }
  }
}
