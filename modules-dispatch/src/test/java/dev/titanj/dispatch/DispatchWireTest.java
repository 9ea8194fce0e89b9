package dev.titanj.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.Active;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.dispatch.model.Appointment;
import dev.titanj.dispatch.model.ArrivalWindow;
import dev.titanj.dispatch.model.ArrivalWindowRequest;
import dev.titanj.dispatch.model.Capacity;
import dev.titanj.dispatch.model.CapacityRequest;
import dev.titanj.dispatch.model.ShiftType;
import dev.titanj.dispatch.model.TechnicianAssignmentRequest;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exact HTTP behaviour of the generated Dispatch repositories against a loopback server. */
class DispatchWireTest {
  private final ApiServer server = new ApiServer();
  private final Dispatch dispatch = Dispatch.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void arrivalWindows_readAndWriteTimeSpansAsDurations() {
    server.answer("{\"id\":5,\"start\":\"09:00:00\",\"duration\":\"02:30:00\",\"active\":true}")
        .answer("{\"id\":6,\"start\":\"13:00:00\",\"duration\":\"04:00:00\"}");

    ArrivalWindow w = dispatch.arrivalWindows().getById(5);
    dispatch.arrivalWindows().create(ArrivalWindowRequest.builder()
        .start(Duration.ofHours(13)).duration(Duration.ofHours(4)).build());

    assertThat(w.start()).contains(Duration.ofHours(9));
    assertThat(w.duration()).contains(Duration.ofMinutes(150));
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /dispatch/v2/tenant/42/arrival-windows/5");
    RecordedRequest post = server.take();
    assertThat(ApiServer.line(post)).isEqualTo("POST /dispatch/v2/tenant/42/arrival-windows");
    assertThat(ApiServer.body(post)).contains("\"start\":\"13:00:00\"").contains("\"duration\":\"04:00:00\"");
  }

  @Test
  void capacity_isAPostWithABody_returningAvailability() {
    server.answer("{\"timeStamp\":\"2025-03-01T08:00:00Z\",\"availabilities\":[{}]}");

    Capacity c = dispatch.capacity().calculate(CapacityRequest.builder()
        .startsOnOrAfter(Instant.parse("2025-03-01T00:00:00Z"))
        .endsOnOrBefore(Instant.parse("2025-03-02T00:00:00Z"))
        .addBusinessUnitIds(3L)
        .skillBasedAvailability(false)
        .build());

    RecordedRequest r = server.take();
    assertThat(ApiServer.line(r)).isEqualTo("POST /dispatch/v2/tenant/42/capacity");
    assertThat(ApiServer.body(r)).contains("\"startsOnOrAfter\":\"2025-03-01T00:00:00Z\"")
        .contains("\"businessUnitIds\":[3]").contains("\"skillBasedAvailability\":false");
    assertThat(c.timeStamp()).contains(Instant.parse("2025-03-01T08:00:00Z"));
    assertThat(c.availabilities()).hasSize(1);
  }

  @Test
  void capacityRequest_longerThanFourteenDaysOrReversed_failsAtBuild() {
    CapacityRequest.Builder b = CapacityRequest.builder().skillBasedAvailability(false)
        .startsOnOrAfter(Instant.parse("2025-03-01T00:00:00Z"));
    assertThat(b.endsOnOrBefore(Instant.parse("2025-03-15T00:00:00Z")).build()).isNotNull();
    assertThatThrownBy(() -> b.endsOnOrBefore(Instant.parse("2025-03-15T00:00:01Z")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P14D");
    assertThatThrownBy(() -> b.endsOnOrBefore(Instant.parse("2025-02-28T00:00:00Z")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be before");
    assertThat(server.pending()).isZero();
  }

  @Test
  void capacityRequest_withoutRequiredFields_failsAtBuild() {
    assertThatThrownBy(() -> CapacityRequest.builder().addBusinessUnitIds(3L).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("startsOnOrAfter");
    assertThat(server.pending()).isZero();
  }

  @Test
  void appointmentAssignments_assignAndUnassign_postToTheirActionPaths() {
    server.answer("{\"id\":77,\"jobId\":9}").answer("{\"id\":77,\"jobId\":9}");

    Appointment a = dispatch.appointmentAssignments().assignTechnicians(
        TechnicianAssignmentRequest.builder().jobAppointmentId(77).addTechnicianIds(1L, 2L).build());
    dispatch.appointmentAssignments().unassignTechnicians(
        TechnicianAssignmentRequest.builder().jobAppointmentId(77).addTechnicianIds(2L).build());

    RecordedRequest assign = server.take();
    assertThat(ApiServer.line(assign))
        .isEqualTo("POST /dispatch/v2/tenant/42/appointment-assignments/assign-technicians");
    assertThat(ApiServer.body(assign)).contains("\"jobAppointmentId\":77").contains("\"technicianIds\":[1,2]");
    RecordedRequest unassign = server.take();
    assertThat(ApiServer.line(unassign))
        .isEqualTo("POST /dispatch/v2/tenant/42/appointment-assignments/unassign-technicians");
    assertThat(ApiServer.body(unassign)).contains("\"technicianIds\":[2]");
    assertThat(a.id()).isEqualTo(77L);
  }

  @Test
  void appointmentAssignmentExport_passesActive() {
    server.answer("{\"hasMore\":false,\"continueFrom\":\"c2\",\"data\":[]}");

    dispatch.appointmentAssignments().export(ExportCursor.beginning(), Active.ANY).nextBatch();

    assertThat(ApiServer.line(server.take()))
        .isEqualTo("GET /dispatch/v2/tenant/42/export/appointment-assignments?active=Any");
  }

  @Test
  void technicianShifts_queryByTypeAndTechnician() {
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[{\"id\":1,\"shiftType\":\"OnCall\"}]}");

    var shifts = dispatch.technicianShifts().query().shiftType(ShiftType.ON_CALL).technicianId(12)
        .startsOnOrAfter(Instant.parse("2025-03-01T00:00:00Z")).toList();

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/dispatch/v2/tenant/42/technician-shifts");
    assertThat(r.getUrl().queryParameter("shiftType")).isEqualTo("OnCall");
    assertThat(r.getUrl().queryParameter("technicianId")).isEqualTo("12");
    assertThat(r.getUrl().queryParameter("startsOnOrAfter")).isEqualTo("2025-03-01T00:00:00Z");
    assertThat(shifts.get(0).shiftType()).contains(ShiftType.ON_CALL);
  }

  @Test
  void technicianTracking_sendsItsRequiredQueryParameters() {
    server.answer("{}");

    dispatch.technicianTracking().get(12L, 34L);

    assertThat(ApiServer.line(server.take()))
        .isEqualTo("GET /dispatch/v2/tenant/42/technician-tracking?technicianId=12&appointmentId=34");
  }
}
