package dev.titanj.jbce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.jbce.internal.JbceSchemas;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import org.junit.jupiter.api.Test;

/** Every JBCE operation is bound and reachable; every record decodes and encodes by the spec's names. */
class JbceContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new JbceModule(), 1);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(JbceSchemas.RESPONSE_FIELDS)).isGreaterThanOrEqualTo(1);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(JbceSchemas.REQUEST_FIELDS)).isGreaterThanOrEqualTo(0);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new JbceModule(), java.util.Set.of("jbce.call-reasons"));
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new JbceModule(), server);
      System.out.println("Jbce: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(0);
    }
  }
}
