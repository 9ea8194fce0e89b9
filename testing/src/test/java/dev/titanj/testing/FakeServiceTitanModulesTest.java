package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.testing.internal.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Accounting, Settings and Dispatch endpoints of the fake server, over plain HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class FakeServiceTitanModulesTest {
  private FakeServiceTitan fake;
  private final OkHttpClient http = new OkHttpClient();
  private String token;

  @BeforeAll
  void start() throws IOException {
    fake = FakeServiceTitan.start(FakeServiceTitan.Options.defaults().exportBatchSize(7));
    Request r = new Request.Builder().url(fake.baseUrl() + "/connect/token")
        .post(new FormBody.Builder().add("grant_type", "client_credentials")
            .add("client_id", fake.clientId()).add("client_secret", FakeServiceTitan.DEFAULT_CLIENT_SECRET)
            .build()).build();
    try (Response resp = http.newCall(r).execute()) {
      token = (String) ((Map<String, Object>) Json.parse(resp.body().string())).get("access_token");
    }
  }

  @AfterAll
  void stop() {
    fake.close();
  }

  private Object call(String method, String module, String pathAndQuery, String body, int status)
      throws IOException {
    Request.Builder b = new Request.Builder()
        .url(fake.baseUrl() + "/" + module + "/v2/tenant/" + fake.tenantId() + "/" + pathAndQuery)
        .header("ST-App-Key", FakeServiceTitan.DEFAULT_APP_KEY).header("Authorization", "Bearer " + token);
    if (body != null) {
      b.method(method, RequestBody.create(body, MediaType.get("application/json")));
    }
    try (Response resp = http.newCall(b.build()).execute()) {
      String text = resp.body().string();
      assertThat(resp.code()).as(text).isEqualTo(status);
      return Json.parse(text);
    }
  }

  private List<Map<String, Object>> data(String module, String pathAndQuery) throws IOException {
    return (List<Map<String, Object>>) ((Map<String, Object>) call("GET", module, pathAndQuery, null, 200))
        .get("data");
  }

  @Test
  void invoices_activeState_defaultsToActiveOnly_andAllIncludesInactive() throws IOException {
    List<Map<String, Object>> all = fake.records("accounting/invoices");
    long active = all.stream().filter(i -> Boolean.TRUE.equals(i.get("active"))).count();

    assertThat(data("accounting", "invoices?pageSize=5000")).hasSize((int) active);
    assertThat(data("accounting", "invoices?pageSize=5000&activeState=All")).hasSize(all.size());
    assertThat(data("accounting", "invoices?pageSize=5000&activeState=InactiveOnly"))
        .hasSize(all.size() - (int) active);
  }

  @Test
  void invoices_filterByCustomer_andSendMoneyAsStrings() throws IOException {
    Map<String, Object> first = fake.records("accounting/invoices").get(0);
    Object customerId = ((Map<String, Object>) first.get("customer")).get("id");

    List<Map<String, Object>> found = data("accounting",
        "invoices?activeState=All&customerId=" + customerId);

    assertThat(found).isNotEmpty().allSatisfy(i -> {
      assertThat(((Map<String, Object>) i.get("customer")).get("id")).isEqualTo(customerId);
      assertThat(i.get("total")).isInstanceOf(String.class);
      assertThat(new BigDecimal((String) i.get("balance"))).isLessThanOrEqualTo(
          new BigDecimal((String) i.get("total")));
    });
    call("GET", "accounting", "invoices/" + first.get("id"), null, 404); // no get-by-id in the API
  }

  @Test
  void payments_filterByAppliedInvoice() throws IOException {
    Map<String, Object> payment = fake.records("accounting/payments").get(3);
    Object invoiceId = ((List<Map<String, Object>>) payment.get("appliedTo")).get(0).get("appliedTo");

    assertThat(data("accounting", "payments?appliedToInvoiceIds=" + invoiceId))
        .extracting(p -> p.get("id")).containsExactly(payment.get("id"));
  }

  @Test
  void settings_technicians_getById_andExportAll() throws IOException {
    List<Map<String, Object>> techs = fake.records("settings/technicians");
    Map<String, Object> one = (Map<String, Object>) call("GET", "settings",
        "technicians/" + techs.get(2).get("id"), null, 200);
    assertThat(one.get("name")).isEqualTo(techs.get(2).get("name"));

    List<Object> exported = new ArrayList<>();
    String from = null;
    boolean more = true;
    int batches = 0;
    while (more) {
      Map<String, Object> batch = (Map<String, Object>) call("GET", "settings",
          "export/technicians" + (from == null ? "" : "?from=" + from), null, 200);
      exported.addAll((List<Object>) batch.get("data"));
      from = (String) batch.get("continueFrom");
      more = (Boolean) batch.get("hasMore");
      batches++;
    }
    assertThat(exported).hasSize(techs.size());
    assertThat(batches).isEqualTo((techs.size() + 6) / 7);
  }

  @Test
  void export_withAForeignToken_isA400() throws IOException {
    Map<String, Object> batch = (Map<String, Object>) call("GET", "settings", "export/technicians",
        null, 200);
    call("GET", "crm", "export/customers?from=" + batch.get("continueFrom"), null, 400);
  }

  @Test
  void tagTypes_sortByModifiedOnDescending() throws IOException {
    List<Instant> modified = data("settings", "tag-types?active=Any&sort=-ModifiedOn").stream()
        .map(t -> Instant.parse((String) t.get("modifiedOn"))).collect(Collectors.toList());

    assertThat(modified).hasSize(fake.records("settings/tag-types").size())
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void dispatch_assignments_filterByAppointmentIds() throws IOException {
    List<Map<String, Object>> all = fake.records("dispatch/appointment-assignments");
    Object a = all.get(0).get("appointmentId");
    Object b = all.get(1).get("appointmentId");

    List<Map<String, Object>> found = data("dispatch",
        "appointment-assignments?active=Any&pageSize=5000&appointmentIds=" + a + "," + b);

    assertThat(found).isNotEmpty().allSatisfy(x -> assertThat(x.get("appointmentId")).isIn(a, b));
  }

  @Test
  void dispatch_technicianShifts_createAndPatch_areVisibleInReads() throws IOException {
    Object techId = fake.records("settings/technicians").get(0).get("id");
    Map<String, Object> created = (Map<String, Object>) call("POST", "dispatch", "technician-shifts",
        "{\"technicianId\":" + techId + ",\"shiftType\":\"OnCall\",\"title\":\"Weekend\","
            + "\"start\":\"2026-01-10T08:00:00Z\",\"end\":\"2026-01-10T16:00:00Z\"}", 200);
    Object id = created.get("id");
    call("PATCH", "dispatch", "technician-shifts/" + id, "{\"title\":\"Weekend (moved)\"}", 200);

    Map<String, Object> read = (Map<String, Object>) call("GET", "dispatch", "technician-shifts/" + id,
        null, 200);
    assertThat(read).containsEntry("title", "Weekend (moved)").containsEntry("shiftType", "OnCall")
        .containsEntry("active", true);
    assertThat(data("dispatch", "technician-shifts?shiftType=OnCall&technicianId=" + techId
        + "&pageSize=5000")).extracting(s -> s.get("id")).contains(id);
    call("PATCH", "dispatch", "technician-shifts/999", "{}", 404);
    call("POST", "dispatch", "technician-shifts", "[1]", 400);
  }

  @Test
  void dispatch_zonesAndTeams_listAndGet() throws IOException {
    List<Map<String, Object>> zones = data("dispatch", "zones?active=Any");
    assertThat(zones).hasSize(fake.records("dispatch/zones").size());
    call("GET", "dispatch", "zones/" + zones.get(0).get("id"), null, 200);
    assertThat(data("dispatch", "teams?active=Any")).hasSize(fake.records("dispatch/teams").size());
  }
}
