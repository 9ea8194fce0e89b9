package dev.titanj.salestech;

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

/** Exact HTTP behaviour of the generated SalesTech repositories (main resources) on a loopback server. */
class SalesTechWireTest {
  private final ApiServer server = new ApiServer();
  private final SalesTech api = SalesTech.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  static String page(String... records) {
    return "{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[" + String.join(",", records) + "]}";
  }

  @Test
  void estimatesQuery_andFindById() {
    String e = "{\"id\":41,\"jobId\":7,\"status\":{\"value\":1,\"name\":\"Open\"},\"items\":[]}";
    server.answer(page(e)).answer(e);

    var list = api.estimates().query().jobId(7).active(Active.TRUE).stream().toList();
    var one = api.estimates().getById(41);

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/sales/v2/tenant/42/estimates");
    assertThat(r.getUrl().queryParameter("jobId")).isEqualTo("7");
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /sales/v2/tenant/42/estimates/41");
    assertThat(list).hasSize(1);
    assertThat(one.jobId()).contains(7L);
  }

  @Test
  void estimatesExport_isAFeed_atTheDocumentsPath() {
    server.answer("{\"hasMore\":false,\"continueFrom\":\"c\",\"data\":[{\"id\":41,\"active\":false}]}");

    var feed = api.estimates().export(ExportCursor.from("b"));

    assertThat(feed.stream().toList()).extracting(dev.titanj.salestech.model.Estimate::id).containsExactly(41L);
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /sales/v2/tenant/42/estimates/export?from=b");
    assertThat(feed.cursor().token()).isEqualTo("c");
  }
}
