package dev.titanj.marketing;

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

/** Exact HTTP behaviour of the generated Marketing repositories (main resources) on a loopback server. */
class MarketingWireTest {
  private final ApiServer server = new ApiServer();
  private final Marketing api = Marketing.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  static String page(String... records) {
    return "{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[" + String.join(",", records) + "]}";
  }

  @Test
  void campaignsQuery_andCreate() {
    server.answer(page("{\"id\":61,\"name\":\"Spring\",\"active\":true}")).answer("{\"id\":62,\"name\":\"Fall\"}");

    var list = api.campaigns().query().name("Spring").stream().toList();

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/marketing/v2/tenant/42/campaigns");
    assertThat(r.getUrl().queryParameter("name")).isEqualTo("Spring");
    assertThat(list).extracting(dev.titanj.marketing.model.Campaign::id).containsExactly(61L);
  }

  @Test
  void suppressions_areReadByEmail_andByIdThroughIds() {
    server.answer("{\"id\":70,\"email\":\"a@example.com\"}");

    var s = api.suppressions().get("a@example.com");

    assertThat(ApiServer.line(server.take())).isEqualTo("GET /marketing/v2/tenant/42/suppressions/a@example.com");
    assertThat(s.id()).isEqualTo(70L);
  }
}
