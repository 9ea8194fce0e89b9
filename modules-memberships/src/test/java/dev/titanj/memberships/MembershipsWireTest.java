package dev.titanj.memberships;

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

/** Exact HTTP behaviour of the generated Memberships repositories (main resources) on a loopback server. */
class MembershipsWireTest {
  private final ApiServer server = new ApiServer();
  private final Memberships api = Memberships.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  static String page(String... records) {
    return "{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[" + String.join(",", records) + "]}";
  }

  @Test
  void membershipsQuery_andFindById() {
    String m = "{\"id\":21,\"customerId\":42,\"status\":\"Active\",\"from\":\"2025-01-01T00:00:00Z\"}";
    server.answer(page(m)).answer(m);

    List<dev.titanj.memberships.model.CustomerMembership> list = api.memberships().query().customerIds(42L)
        .status(dev.titanj.memberships.model.MembershipStatus.ACTIVE).stream().toList();
    var one = api.memberships().findById(21);

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/memberships/v2/tenant/42/memberships");
    assertThat(r.getUrl().queryParameter("customerIds")).isEqualTo("42");
    assertThat(r.getUrl().queryParameter("status")).isEqualTo("Active");
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /memberships/v2/tenant/42/memberships/21");
    assertThat(list).hasSize(1);
    assertThat(one.flatMap(dev.titanj.memberships.model.CustomerMembership::customerId)).contains(42L);
  }

  @Test
  void membershipsExport_isTheSameRecordType() {
    server.answer("{\"hasMore\":false,\"continueFrom\":\"t\",\"data\":[{\"id\":21,\"active\":false}]}");

    var feed = api.memberships().export(ExportCursor.from("s"));

    assertThat(feed.stream().toList()).extracting(dev.titanj.memberships.model.CustomerMembership::id).containsExactly(21L);
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /memberships/v2/tenant/42/export/memberships?from=s");
  }
}
