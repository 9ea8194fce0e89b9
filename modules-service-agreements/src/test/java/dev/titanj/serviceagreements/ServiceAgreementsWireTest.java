package dev.titanj.serviceagreements;

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

/** Exact HTTP behaviour of the generated ServiceAgreements repositories (main resources) on a loopback server. */
class ServiceAgreementsWireTest {
  private final ApiServer server = new ApiServer();
  private final ServiceAgreements api = ServiceAgreements.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  static String page(String... records) {
    return "{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[" + String.join(",", records) + "]}";
  }

  @Test
  void serviceAgreements_queryAndFindById() {
    String a = "{\"id\":91,\"customerId\":42,\"status\":\"Activated\"}";
    server.answer(page(a)).answer(a);

    var list = api.serviceAgreements().query().customerIds(42L).stream().toList();
    var one = api.serviceAgreements().findById(91);

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/service-agreements/v2/tenant/42/service-agreements");
    assertThat(r.getUrl().queryParameter("customerIds")).isEqualTo("42");
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /service-agreements/v2/tenant/42/service-agreements/91");
    assertThat(list).hasSize(1);
    assertThat(one).isPresent();
  }
}
