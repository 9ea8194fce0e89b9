package dev.titanj.equipmentsystems;

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

/** Exact HTTP behaviour of the generated EquipmentSystems repositories (main resources) on a loopback server. */
class EquipmentSystemsWireTest {
  private final ApiServer server = new ApiServer();
  private final EquipmentSystems api = EquipmentSystems.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  static String page(String... records) {
    return "{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[" + String.join(",", records) + "]}";
  }

  @Test
  void installedEquipment_queryByLocation_andExport() {
    server.answer(page("{\"id\":81,\"locationId\":43,\"name\":\"Furnace\"}"))
        .answer("{\"hasMore\":false,\"continueFrom\":\"z\",\"data\":[{\"id\":81}]}");

    var list = api.installedEquipment().query().locationIds(43L).stream().toList();
    var feed = api.installedEquipment().export(ExportCursor.from("a")).stream().toList();

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/equipmentsystems/v2/tenant/42/installed-equipment");
    assertThat(r.getUrl().queryParameter("locationIds")).isEqualTo("43");
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /equipmentsystems/v2/tenant/42/export/installed-equipment?from=a");
    assertThat(list).hasSize(1);
    assertThat(feed).hasSize(1);
  }
}
