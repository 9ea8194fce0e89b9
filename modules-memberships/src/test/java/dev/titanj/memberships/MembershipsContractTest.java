package dev.titanj.memberships;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.memberships.internal.MembershipsSchemas;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import org.junit.jupiter.api.Test;

/** Every Memberships operation is bound and reachable; every record decodes and encodes by the spec's names. */
class MembershipsContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new MembershipsModule(), 30);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(MembershipsSchemas.RESPONSE_FIELDS)).isGreaterThanOrEqualTo(18);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(MembershipsSchemas.REQUEST_FIELDS)).isGreaterThanOrEqualTo(8);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new MembershipsModule(), java.util.Set.of("memberships.membership-types", "memberships.recurring-service-types"));
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new MembershipsModule(), server);
      System.out.println("Memberships: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(7);
    }
  }
}
