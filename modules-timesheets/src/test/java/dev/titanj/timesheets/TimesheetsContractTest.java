package dev.titanj.timesheets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.timesheets.internal.TimesheetsSchemas;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import org.junit.jupiter.api.Test;

/** Every Timesheets operation is bound and reachable; every record decodes and encodes by the spec's names. */
class TimesheetsContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new TimesheetsModule(), 12);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(TimesheetsSchemas.RESPONSE_FIELDS)).isGreaterThanOrEqualTo(5);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(TimesheetsSchemas.REQUEST_FIELDS)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new TimesheetsModule(), java.util.Set.of("timesheets.activity-categories", "timesheets.activity-types"));
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new TimesheetsModule(), server);
      System.out.println("Timesheets: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(2);
    }
  }
}
