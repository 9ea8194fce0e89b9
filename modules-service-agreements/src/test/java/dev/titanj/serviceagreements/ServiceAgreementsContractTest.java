package dev.titanj.serviceagreements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.serviceagreements.internal.ServiceAgreementsSchemas;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import org.junit.jupiter.api.Test;

/** Every Service Agreements operation is bound and reachable; every record decodes and encodes by the spec's names. */
class ServiceAgreementsContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new ServiceAgreementsModule(), 3);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(ServiceAgreementsSchemas.RESPONSE_FIELDS)).isGreaterThanOrEqualTo(3);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(ServiceAgreementsSchemas.REQUEST_FIELDS)).isGreaterThanOrEqualTo(0);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new ServiceAgreementsModule(), java.util.Set.of());
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new ServiceAgreementsModule(), server);
      System.out.println("ServiceAgreements: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(0);
    }
  }
}
