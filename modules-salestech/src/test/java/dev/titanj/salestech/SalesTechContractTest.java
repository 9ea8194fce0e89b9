package dev.titanj.salestech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.salestech.internal.SalesTechSchemas;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import org.junit.jupiter.api.Test;

/** Every Sales and Estimates operation is bound and reachable; every record decodes and encodes by the spec's names. */
class SalesTechContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new SalesTechModule(), 11);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(SalesTechSchemas.RESPONSE_FIELDS)).isGreaterThanOrEqualTo(6);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(SalesTechSchemas.REQUEST_FIELDS)).isGreaterThanOrEqualTo(5);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new SalesTechModule(), java.util.Set.of());
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new SalesTechModule(), server);
      System.out.println("SalesTech: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(4);
    }
  }
}
