package dev.titanj.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.reporting.internal.ReportingSchemas;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import org.junit.jupiter.api.Test;

/** Every Reporting operation is bound and reachable; every record decodes and encodes by the spec's names. */
class ReportingContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new ReportingModule(), 5);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(ReportingSchemas.RESPONSE_FIELDS)).isGreaterThanOrEqualTo(1);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(ReportingSchemas.REQUEST_FIELDS)).isGreaterThanOrEqualTo(0);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new ReportingModule(), java.util.Set.of());
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new ReportingModule(), server);
      System.out.println("Reporting: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(1);
    }
  }
}
