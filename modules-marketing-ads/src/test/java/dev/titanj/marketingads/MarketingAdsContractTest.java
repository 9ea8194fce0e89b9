package dev.titanj.marketingads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.marketingads.internal.MarketingAdsSchemas;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import org.junit.jupiter.api.Test;

/** Every Marketing Ads operation is bound and reachable; every record decodes and encodes by the spec's names. */
class MarketingAdsContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new MarketingAdsModule(), 7);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(MarketingAdsSchemas.RESPONSE_FIELDS)).isGreaterThanOrEqualTo(13);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(MarketingAdsSchemas.REQUEST_FIELDS)).isGreaterThanOrEqualTo(6);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new MarketingAdsModule(), java.util.Set.of());
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new MarketingAdsModule(), server);
      System.out.println("MarketingAds: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(4);
    }
  }
}
