package dev.titanj.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.marketing.internal.MarketingSchemas;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import org.junit.jupiter.api.Test;

/** Every Marketing operation is bound and reachable; every record decodes and encodes by the spec's names. */
class MarketingContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new MarketingModule(), 19);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(MarketingSchemas.RESPONSE_FIELDS)).isGreaterThanOrEqualTo(9);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(MarketingSchemas.REQUEST_FIELDS)).isGreaterThanOrEqualTo(7);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new MarketingModule(), java.util.Set.of("marketing.categories"));
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new MarketingModule(), server);
      System.out.println("Marketing: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(8);
    }
  }
}
