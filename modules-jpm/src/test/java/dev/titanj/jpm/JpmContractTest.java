package dev.titanj.jpm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.jpm.internal.JpmSchemas;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import org.junit.jupiter.api.Test;

/** Every JPM operation is bound and reachable; every record decodes and encodes by the spec's names. */
class JpmContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new JpmModule(), 69);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(JpmSchemas.RESPONSE_FIELDS)).isGreaterThanOrEqualTo(32);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(JpmSchemas.REQUEST_FIELDS)).isGreaterThanOrEqualTo(22);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new JpmModule(), java.util.Set.of("jpm.job-types", "jpm.project-statuses", "jpm.project-substatuses", "jpm.project-types"));
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new JpmModule(), server);
      System.out.println("Jpm: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(19);
    }
  }
}
