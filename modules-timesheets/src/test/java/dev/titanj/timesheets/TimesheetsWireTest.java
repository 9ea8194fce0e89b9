package dev.titanj.timesheets;

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

/** Exact HTTP behaviour of the generated Timesheets repositories (main resources) on a loopback server. */
class TimesheetsWireTest {
  private final ApiServer server = new ApiServer();
  private final Timesheets api = Timesheets.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  static String page(String... records) {
    return "{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[" + String.join(",", records) + "]}";
  }

  @Test
  void activities_queryAndExport() {
    server.answer(page("{\"id\":111,\"activityTypeId\":2}"))
        .answer("{\"hasMore\":false,\"continueFrom\":\"q\",\"data\":[{\"id\":111}]}");

    var list = api.activities().query().active(Active.ANY).stream().toList();
    var feed = api.activities().export(ExportCursor.from("p")).stream().toList();

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/timesheets/v2/tenant/42/activities");
    assertThat(r.getUrl().queryParameter("active")).isEqualTo("Any");
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /timesheets/v2/tenant/42/export/activities?from=p");
    assertThat(list).hasSize(1);
    assertThat(feed).hasSize(1);
  }
}
