package dev.titanj.forms;

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

/** Exact HTTP behaviour of the generated Forms repositories (main resources) on a loopback server. */
class FormsWireTest {
  private final ApiServer server = new ApiServer();
  private final Forms api = Forms.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  static String page(String... records) {
    return "{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[" + String.join(",", records) + "]}";
  }

  @Test
  void submissions_areFilteredBySubmittedOn_notCreatedOn() {
    server.answer(page("{\"id\":51,\"formId\":3,\"submittedOn\":\"2025-02-01T10:00:00Z\"}"));

    var list = api.submissions().query().formIds(3L)
        .submittedOnOrAfter(Instant.parse("2025-02-01T00:00:00Z")).stream().toList();

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/forms/v2/tenant/42/submissions");
    assertThat(r.getUrl().queryParameter("formIds")).isEqualTo("3");
    assertThat(r.getUrl().queryParameter("submittedOnOrAfter")).isEqualTo("2025-02-01T00:00:00Z");
    assertThat(r.getUrl().queryParameter("createdOnOrAfter")).isNull();
    assertThat(list.get(0).submittedOn()).contains(Instant.parse("2025-02-01T10:00:00Z"));
  }

  @Test
  void formsQuery_byName() {
    server.answer(page("{\"id\":3,\"name\":\"Inspection\"}"));

    var list = api.forms().query().name("Inspection").stream().toList();

    assertThat(server.take().getUrl().queryParameter("name")).isEqualTo("Inspection");
    assertThat(list).hasSize(1);
  }
}
