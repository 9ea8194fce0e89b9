package dev.titanj.taskmanagement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.taskmanagement.internal.TaskManagementSchemas;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import org.junit.jupiter.api.Test;

/** Every Task Management operation is bound and reachable; every record decodes and encodes by the spec's names. */
class TaskManagementContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new TaskManagementModule(), 5);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(TaskManagementSchemas.RESPONSE_FIELDS)).isGreaterThanOrEqualTo(14);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(TaskManagementSchemas.REQUEST_FIELDS)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new TaskManagementModule(), java.util.Set.of());
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new TaskManagementModule(), server);
      System.out.println("TaskManagement: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(2);
    }
  }
}
