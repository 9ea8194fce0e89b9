package dev.titanj.marketingads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.Active;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.testsupport.ApiServer;
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exact HTTP behaviour of the generated MarketingAds repositories (main resources) on a loopback server. */
class MarketingAdsWireTest {
  private final ApiServer server = new ApiServer();
  private final MarketingAds api = MarketingAds.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  static String page(String... records) {
    return "{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[" + String.join(",", records) + "]}";
  }

  @Test
  void attributedLeads_sendTheRequiredRange() {
    server.answer(page("{\"leadType\":\"Call\"}"));

    var list = api.attributedLeads().query().fromUtc(Instant.parse("2025-01-01T00:00:00Z"))
        .toUtc(Instant.parse("2025-02-01T00:00:00Z")).stream().toList();

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/marketingads/v2/tenant/42/attributed-leads");
    assertThat(r.getUrl().queryParameter("fromUtc")).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(r.getUrl().queryParameter("toUtc")).isEqualTo("2025-02-01T00:00:00Z");
    assertThat(list).hasSize(1);
  }

  @Test
  void attributedLeads_withoutTheRequiredRange_failBeforeAnyRequest() {
    assertThatThrownBy(() -> api.attributedLeads().query().fromUtc(Instant.parse("2025-01-01T00:00:00Z")).page(1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("toUtc");
    assertThatThrownBy(() -> api.performance().query().stream())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromUtc");
    assertThat(server.pending()).isZero();
  }
}
