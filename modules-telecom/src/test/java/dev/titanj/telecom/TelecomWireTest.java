package dev.titanj.telecom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.ExportCursor;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.telecom.model.Call;
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Telecom puts the version in the path: v2 calls and the v3 calls list each reach their own base. */
class TelecomWireTest {
  private final ApiServer server = new ApiServer();
  private final Telecom telecom = Telecom.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void v3CallsList_isBelowTelecomV3_withTypedFilters() {
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[{\"id\":131,\"duration\":\"00:02:00\"}]}");

    List<Call> calls = telecom.v3Calls().query().ids(131L)
        .createdAfter(Instant.parse("2025-01-01T00:00:00Z")).stream().toList();

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/telecom/v3/tenant/42/calls");
    assertThat(r.getUrl().queryParameter("ids")).isEqualTo("131");
    assertThat(r.getUrl().queryParameter("createdAfter")).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(calls).extracting(Call::id).containsExactly(131L);
  }

  @Test
  void v2CallDetails_andExport_areBelowTelecomV2() {
    server.answer("{\"id\":131}").answer("{\"hasMore\":false,\"continueFrom\":\"k\",\"data\":[{\"id\":131}]}");

    telecom.calls().findById(131);
    telecom.calls().export(ExportCursor.from("j")).stream().count();

    assertThat(ApiServer.line(server.take())).isEqualTo("GET /telecom/v2/tenant/42/calls/131");
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /telecom/v2/tenant/42/export/calls?from=j");
  }

  @Test
  void optOuts_areBelowTelecomV3() {
    server.answer("{\"data\":[]}");

    telecom.optinouts().getAllOptOuts();

    assertThat(ApiServer.line(server.take())).isEqualTo("GET /telecom/v3/tenant/42/optinouts/optouts");
  }
}
