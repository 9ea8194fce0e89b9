package dev.titanj.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.crm.model.CreateFollowUpRequest;
import dev.titanj.crm.model.DismissBookingRequest;
import dev.titanj.crm.model.DismissLeadRequest;
import java.time.Instant;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every named CRM action: the HTTP method, path and body it sends, and nothing else. */
class CrmActionWireTest {
  private final ApiServer server = new ApiServer();
  private final Crm crm = Crm.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  private RecordedRequest only() {
    RecordedRequest r = server.take();
    assertThat(server.pending()).isZero();
    return r;
  }

  @Test
  void leadDismiss_postsTheReasonToDismiss() {
    server.answer(200, null);

    crm.leads().dismiss(3, DismissLeadRequest.builder().dismissingReasonId(11).build());

    RecordedRequest r = only();
    assertThat(ApiServer.line(r)).isEqualTo("POST /crm/v2/tenant/42/leads/3/dismiss");
    assertThat(ApiServer.body(r)).isEqualTo("{\"dismissingReasonId\":11}");
  }

  @Test
  void leadCreateFollowUp_postsToFollowUp() {
    server.answer("{\"id\":1}");

    crm.leads().createFollowUp(3, CreateFollowUpRequest.builder()
        .followUpDate(Instant.parse("2025-02-01T10:00:00Z")).text("call back").build());

    RecordedRequest r = only();
    assertThat(ApiServer.line(r)).isEqualTo("POST /crm/v2/tenant/42/leads/3/follow-up");
    assertThat(ApiServer.body(r))
        .isEqualTo("{\"followUpDate\":\"2025-02-01T10:00:00Z\",\"text\":\"call back\"}");
  }

  @Test
  void bookingDismiss_postsToTheProvidersDismissPath() {
    server.answer(200, null);

    crm.bookings().dismiss("acme", 5, DismissBookingRequest.builder().dismissingMemo("dup").build());

    RecordedRequest r = only();
    assertThat(ApiServer.line(r))
        .isEqualTo("POST /crm/v2/tenant/42/booking-provider/acme/bookings/5/dismiss");
    assertThat(ApiServer.body(r)).isEqualTo("{\"dismissingMemo\":\"dup\"}");
  }

  @Test
  void locationSetPreferredTechnician_postsBothIdsInThePath_withoutABody() {
    server.answer(200, null);

    crm.locations().setPreferredTechnician(7, 70);

    RecordedRequest r = only();
    assertThat(ApiServer.line(r))
        .isEqualTo("POST /crm/v2/tenant/42/locations/7/preferredtechnician/70");
    assertThat(ApiServer.body(r)).isEmpty();
  }

  @Test
  void customerAddTag_postsTheTagType_andRemoveTagDeletesIt() {
    server.answer("{}").answer(200, null);

    crm.customers().addTag(1, 9);
    crm.customers().removeTag(1, 9);

    assertThat(ApiServer.line(server.take())).isEqualTo("POST /crm/v2/tenant/42/customers/1/tags/9");
    assertThat(ApiServer.line(server.take())).isEqualTo("DELETE /crm/v2/tenant/42/customers/1/tags/9");
  }

  @Test
  void locationAddTag_postsTheTagType_andRemoveTagDeletesIt() {
    server.answer("{}").answer(200, null);

    crm.locations().addTag(7, 9);
    crm.locations().removeTag(7, 9);

    assertThat(ApiServer.line(server.take())).isEqualTo("POST /crm/v2/tenant/42/locations/7/tags/9");
    assertThat(ApiServer.line(server.take())).isEqualTo("DELETE /crm/v2/tenant/42/locations/7/tags/9");
  }

  @Test
  @SuppressWarnings("deprecation")
  void formerTagMethodNames_stillCallTheSameOperations() {
    server.answer("{}").answer(200, null);

    crm.customers().createTag(1, 9);
    crm.customers().deleteTag(1, 9);

    assertThat(ApiServer.line(server.take())).isEqualTo("POST /crm/v2/tenant/42/customers/1/tags/9");
    assertThat(ApiServer.line(server.take())).isEqualTo("DELETE /crm/v2/tenant/42/customers/1/tags/9");
  }
}
