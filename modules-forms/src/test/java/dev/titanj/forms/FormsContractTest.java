package dev.titanj.forms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.forms.internal.FormsSchemas;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import org.junit.jupiter.api.Test;

/** Every Forms operation is bound and reachable; every record decodes and encodes by the spec's names. */
class FormsContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new FormsModule(), 5);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(FormsSchemas.RESPONSE_FIELDS)).isGreaterThanOrEqualTo(4);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(FormsSchemas.REQUEST_FIELDS)).isGreaterThanOrEqualTo(0);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new FormsModule(), java.util.Set.of());
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new FormsModule(), server);
      System.out.println("Forms: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(0);
    }
  }
}
