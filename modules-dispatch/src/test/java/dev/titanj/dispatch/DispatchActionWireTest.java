package dev.titanj.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.dispatch.model.ArrivalWindowConfiguration;
import dev.titanj.dispatch.model.BulkDeleteTechnicianShiftRequest;
import dev.titanj.dispatch.model.UpdateArrivalWindowConfigurationRequest;
import java.time.Instant;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every named Dispatch action: the HTTP method, path and body it sends, and nothing else. */
class DispatchActionWireTest {
  private final ApiServer server = new ApiServer();
  private final Dispatch dispatch = Dispatch.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void arrivalWindowActivate_putsIsActiveTrue_toTheActivatedPath() {
    server.answer(200, null);

    dispatch.arrivalWindows().activate(5);

    RecordedRequest r = server.take();
    assertThat(ApiServer.line(r)).isEqualTo("PUT /dispatch/v2/tenant/42/arrival-windows/5/activated");
    assertThat(ApiServer.body(r)).isEqualTo("{\"isActive\":true}");
  }

  @Test
  void arrivalWindowDeactivate_putsIsActiveFalse_toTheActivatedPath() {
    server.answer(200, null);

    dispatch.arrivalWindows().deactivate(5);

    RecordedRequest r = server.take();
    assertThat(ApiServer.line(r)).isEqualTo("PUT /dispatch/v2/tenant/42/arrival-windows/5/activated");
    assertThat(ApiServer.body(r)).isEqualTo("{\"isActive\":false}");
  }

  @Test
  void arrivalWindowActivate_withABadId_failsBeforeAnyRequest() {
    assertThatThrownBy(() -> dispatch.arrivalWindows().activate(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arrivalWindowId");
    assertThat(server.pending()).isZero();
  }

  @Test
  void arrivalWindowUpdateConfiguration_postsTheConfiguration() {
    server.answer("{\"configuration\":\"EndTimeOfArrivalWindow\"}");

    dispatch.arrivalWindows().updateConfiguration(UpdateArrivalWindowConfigurationRequest.builder()
        .configuration(ArrivalWindowConfiguration.END_TIME_OF_ARRIVAL_WINDOW).build());

    RecordedRequest r = server.take();
    assertThat(ApiServer.line(r))
        .isEqualTo("POST /dispatch/v2/tenant/42/arrival-windows/configuration");
    assertThat(ApiServer.body(r)).isEqualTo("{\"configuration\":\"EndTimeOfArrivalWindow\"}");
  }

  @Test
  void technicianShiftBulkDelete_postsTheRangeToBulkDelete() {
    server.answer("{}");

    dispatch.technicianShifts().bulkDelete(BulkDeleteTechnicianShiftRequest.builder()
        .start(Instant.parse("2025-01-01T00:00:00Z")).end(Instant.parse("2025-01-02T00:00:00Z"))
        .build());

    RecordedRequest r = server.take();
    assertThat(ApiServer.line(r)).isEqualTo("POST /dispatch/v2/tenant/42/technician-shifts/bulk-delete");
    assertThat(ApiServer.body(r))
        .isEqualTo("{\"start\":\"2025-01-01T00:00:00Z\",\"end\":\"2025-01-02T00:00:00Z\"}");
  }
}
