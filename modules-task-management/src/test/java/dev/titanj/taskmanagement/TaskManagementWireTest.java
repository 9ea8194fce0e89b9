package dev.titanj.taskmanagement;

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

/** Exact HTTP behaviour of the generated TaskManagement repositories (main resources) on a loopback server. */
class TaskManagementWireTest {
  private final ApiServer server = new ApiServer();
  private final TaskManagement api = TaskManagement.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  static String page(String... records) {
    return "{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[" + String.join(",", records) + "]}";
  }

  @Test
  void tasks_queryAndFindById() {
    String t = "{\"id\":101,\"name\":\"Call back\",\"jobId\":7}";
    server.answer(page(t)).answer(t);

    var list = api.tasks().query().jobId(7).isClosed(false).stream().toList();
    var one = api.tasks().findById(101);

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/taskmanagement/v2/tenant/42/tasks");
    assertThat(r.getUrl().queryParameter("jobId")).isEqualTo("7");
    assertThat(r.getUrl().queryParameter("isClosed")).isEqualTo("false");
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /taskmanagement/v2/tenant/42/tasks/101");
    assertThat(list).hasSize(1);
    assertThat(one).isPresent();
  }
}
