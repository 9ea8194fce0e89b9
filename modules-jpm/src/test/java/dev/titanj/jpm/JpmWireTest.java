package dev.titanj.jpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.ExportCursor;
import dev.titanj.core.Page;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.jpm.model.Appointment;
import dev.titanj.jpm.model.AppointmentStatus;
import dev.titanj.jpm.model.CreateAppointmentRequest;
import dev.titanj.jpm.model.Job;
import dev.titanj.jpm.model.JobStatus;
import dev.titanj.jpm.model.ReasonRequest;
import dev.titanj.jpm.model.UpdateJobRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exact HTTP behaviour of the generated JPM repositories (jobs, appointments) on a loopback server. */
class JpmWireTest {
  private static final String JOB = "{\"id\":7,\"jobNumber\":\"7\",\"customerId\":42,\"locationId\":43,"
      + "\"jobStatus\":\"Scheduled\",\"total\":123.45,\"modifiedOn\":\"2025-01-02T03:04:05.1234567Z\","
      + "\"tagTypeIds\":[1,2],\"futureField\":true}";
  private static final String APPOINTMENT = "{\"id\":70,\"jobId\":7,\"start\":\"2025-03-01T15:00:00Z\","
      + "\"end\":\"2025-03-01T17:00:00Z\",\"status\":\"Scheduled\"}";
  private final ApiServer server = new ApiServer();
  private final Jpm jpm = Jpm.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void jobsQuery_sendsTypedFilters_inWireForm_andReadsTolerantly() {
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[" + JOB + "]}");

    Page<Job> page = jpm.jobs().query()
        .customerId(42)
        .jobStatus(JobStatus.SCHEDULED)
        .ids(7L, 8L)
        .modifiedOnOrAfter(Instant.parse("2025-01-01T00:00:00Z"))
        .sort(JobSort.PRIORITY.descending())
        .page(1);

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/jpm/v2/tenant/42/jobs");
    assertThat(r.getUrl().queryParameter("customerId")).isEqualTo("42");
    assertThat(r.getUrl().queryParameter("jobStatus")).isEqualTo("Scheduled");
    assertThat(r.getUrl().queryParameter("ids")).isEqualTo("7,8");
    assertThat(r.getUrl().queryParameter("modifiedOnOrAfter")).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(r.getUrl().queryParameter("sort")).isEqualTo("-Priority");
    Job job = page.items().get(0);
    assertThat(job.id()).isEqualTo(7L);
    assertThat(job.customerId()).contains(42L);
    assertThat(job.total()).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("123.45"));
    assertThat(job.tagTypeIds()).containsExactly(1L, 2L);
    assertThat(job.customFields()).isEmpty();
  }

  @Test
  void jobFindById_update_andCancel_hitTheirPaths() {
    server.answer(JOB).answer(404, "{\"title\":\"Job not found\",\"status\":404}").answer(JOB).answer(200, null);

    Optional<Job> found = jpm.jobs().findById(7);
    Optional<Job> missing = jpm.jobs().findById(8);
    jpm.jobs().update(7, UpdateJobRequest.builder().priority("High").build());
    jpm.jobs().cancel(7, ReasonRequest.builder().reasonId(3).memo("customer called").build());

    assertThat(found.map(Job::id)).contains(7L);
    assertThat(missing).isEmpty();
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /jpm/v2/tenant/42/jobs/7");
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /jpm/v2/tenant/42/jobs/8");
    RecordedRequest patch = server.take();
    assertThat(ApiServer.line(patch)).isEqualTo("PATCH /jpm/v2/tenant/42/jobs/7");
    assertThat(ApiServer.body(patch)).isEqualTo("{\"priority\":\"High\"}");
    RecordedRequest cancel = server.take();
    assertThat(ApiServer.line(cancel)).isEqualTo("PUT /jpm/v2/tenant/42/jobs/7/cancel");
    assertThat(ApiServer.body(cancel)).isEqualTo("{\"reasonId\":3,\"memo\":\"customer called\"}");
  }

  @Test
  void jobsExport_isTheSameRecordType_andKeepsTheCursor() {
    server.answer("{\"hasMore\":false,\"continueFrom\":\"tok-2\",\"data\":[{\"id\":9,\"active\":false}]}");

    var feed = jpm.jobs().export(ExportCursor.from("tok-1"));
    List<Job> jobs = feed.stream().toList();

    assertThat(ApiServer.line(server.take())).isEqualTo("GET /jpm/v2/tenant/42/export/jobs?from=tok-1");
    assertThat(jobs).extracting(Job::id).containsExactly(9L);
    assertThat(jobs.get(0).active()).contains(false);
    assertThat(feed.cursor().token()).isEqualTo("tok-2");
  }

  @Test
  void appointmentsQuery_andCreate_andReschedule() {
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[" + APPOINTMENT + "]}")
        .answer(APPOINTMENT);

    List<Appointment> list = jpm.appointments().query().jobId(7).status(AppointmentStatus.SCHEDULED)
        .startsOnOrAfter(Instant.parse("2025-03-01T00:00:00Z")).stream().toList();
    Appointment created = jpm.appointments().create(CreateAppointmentRequest.builder().jobId(7)
        .start(Instant.parse("2025-03-01T15:00:00Z")).end(Instant.parse("2025-03-01T17:00:00Z"))
        .addTechnicianIds(11L).build());

    RecordedRequest get = server.take();
    assertThat(get.getUrl().encodedPath()).isEqualTo("/jpm/v2/tenant/42/appointments");
    assertThat(get.getUrl().queryParameter("jobId")).isEqualTo("7");
    assertThat(get.getUrl().queryParameter("status")).isEqualTo("Scheduled");
    assertThat(get.getUrl().queryParameter("startsOnOrAfter")).isEqualTo("2025-03-01T00:00:00Z");
    RecordedRequest post = server.take();
    assertThat(ApiServer.line(post)).isEqualTo("POST /jpm/v2/tenant/42/appointments");
    assertThat(ApiServer.body(post)).isEqualTo("{\"jobId\":7,\"start\":\"2025-03-01T15:00:00Z\","
        + "\"end\":\"2025-03-01T17:00:00Z\",\"technicianIds\":[11]}");
    assertThat(list).extracting(Appointment::id).containsExactly(70L);
    assertThat(created.start()).contains(Instant.parse("2025-03-01T15:00:00Z"));
  }

  @Test
  void badArguments_failBeforeAnyRequest() {
    assertThatThrownBy(() -> jpm.jobs().findById(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> jpm.appointments().create(CreateAppointmentRequest.builder().jobId(7).build()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> jpm.jobs().query().ids(java.util.Collections.nCopies(51, 1L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("50");
    assertThat(server.pending()).isZero();
  }
}
