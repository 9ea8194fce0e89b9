package dev.titanj.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.payroll.internal.PayrollSchemas;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import org.junit.jupiter.api.Test;

/** Every Payroll operation is bound and reachable; every record decodes and encodes by the spec's names. */
class PayrollContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new PayrollModule(), 34);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(PayrollSchemas.RESPONSE_FIELDS)).isGreaterThanOrEqualTo(15);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(PayrollSchemas.REQUEST_FIELDS)).isGreaterThanOrEqualTo(4);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new PayrollModule(), java.util.Set.of("payroll.activity-codes", "payroll.timesheet-codes"));
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new PayrollModule(), server);
      System.out.println("Payroll: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(7);
    }
  }
}
