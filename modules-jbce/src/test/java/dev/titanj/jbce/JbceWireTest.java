package dev.titanj.jbce;

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

/** Exact HTTP behaviour of the generated Jbce repositories (main resources) on a loopback server. */
class JbceWireTest {
  private final ApiServer server = new ApiServer();
  private final Jbce api = Jbce.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  static String page(String... records) {
    return "{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[" + String.join(",", records) + "]}";
  }

  @Test
  void callReasons_query() {
    server.answer(page("{\"id\":121,\"name\":\"No heat\",\"active\":true}"));

    var list = api.callReasons().query().stream().toList();

    assertThat(server.take().getUrl().encodedPath()).isEqualTo("/jbce/v2/tenant/42/call-reasons");
    assertThat(list).extracting(dev.titanj.jbce.model.CallReason::id).containsExactly(121L);
  }
}
