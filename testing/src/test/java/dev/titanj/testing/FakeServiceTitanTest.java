package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.AuthenticationException;
import dev.titanj.core.ForbiddenException;
import dev.titanj.core.RateLimitException;
import dev.titanj.core.ServerException;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanApiException;
import dev.titanj.core.TitanException;
import dev.titanj.testing.internal.Json;
import dev.titanj.testing.support.MutableClock;
import dev.titanj.testing.support.RawCustomers;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Authentication, tenancy, seeded data and fault injection of {@link FakeServiceTitan}. */
class FakeServiceTitanTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private final OkHttpClient http = new OkHttpClient();
  private FakeServiceTitan fake;

  @BeforeEach
  void start() {
    fake = FakeServiceTitan.start(FakeServiceTitan.Options.defaults().clock(clock)
        .tokenLifetime(Duration.ofSeconds(600)));
  }

  @AfterEach
  void stop() {
    fake.close();
    http.connectionPool().evictAll();
  }

  private String customersUrl() {
    return fake.baseUrl() + "/crm/v2/tenant/" + fake.tenantId() + "/customers";
  }

  private Map<String, Object> token(String clientId, String secret) throws IOException {
    Request r = new Request.Builder().url(fake.baseUrl() + "/connect/token")
        .post(new FormBody.Builder().add("grant_type", "client_credentials")
            .add("client_id", clientId).add("client_secret", secret).build()).build();
    try (Response resp = http.newCall(r).execute()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> body = (Map<String, Object>) Json.parse(resp.body().string());
      body.put("_status", (long) resp.code());
      return body;
    }
  }

  @Test
  void tokenEndpoint_issuesOpaqueTokensWithExpiresIn_andCountsRequests() throws IOException {
    Map<String, Object> first = token(FakeServiceTitan.DEFAULT_CLIENT_ID,
        FakeServiceTitan.DEFAULT_CLIENT_SECRET);
    Map<String, Object> second = token(FakeServiceTitan.DEFAULT_CLIENT_ID,
        FakeServiceTitan.DEFAULT_CLIENT_SECRET);

    assertThat(first.get("_status")).isEqualTo(200L);
    assertThat(first.get("expires_in")).isEqualTo(600L);
    assertThat(first.get("token_type")).isEqualTo("Bearer");
    assertThat((String) first.get("access_token")).hasSizeGreaterThan(30)
        .isNotEqualTo(second.get("access_token"));
    assertThat(fake.tokenRequestCount()).isEqualTo(2);
  }

  @Test
  void tokenEndpoint_withWrongSecret_answersInvalidClient() throws IOException {
    Map<String, Object> body = token(FakeServiceTitan.DEFAULT_CLIENT_ID, "wrong");

    assertThat(body).containsEntry("error", "invalid_client").containsEntry("_status", 400L);
  }

  @Test
  void client_withWrongSecret_failsWithAuthenticationException() {
    try (ServiceTitan st = fake.clientBuilder().clientCredentials("fake-client-id", "nope").build()) {
      assertThatThrownBy(() -> new RawCustomers(st).query().first())
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("invalid_client")
          .hasMessageNotContaining("nope");
    }
  }

  @Test
  void resourceCall_withoutAppKey_is401WithProblemDetails() throws IOException {
    String token = (String) token(FakeServiceTitan.DEFAULT_CLIENT_ID,
        FakeServiceTitan.DEFAULT_CLIENT_SECRET).get("access_token");
    Request r = new Request.Builder().url(customersUrl())
        .header("Authorization", "Bearer " + token).build();
    try (Response resp = http.newCall(r).execute()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> body = (Map<String, Object>) Json.parse(resp.body().string());

      assertThat(resp.code()).isEqualTo(401);
      assertThat(body).containsEntry("title", FakeDispatcher.MISSING_APP_KEY)
          .containsEntry("status", 401L).containsKeys("type", "traceId");
    }
  }

  @Test
  void resourceCall_withUnknownToken_is401_andWithValidTokenIs200() throws IOException {
    String token = (String) token(FakeServiceTitan.DEFAULT_CLIENT_ID,
        FakeServiceTitan.DEFAULT_CLIENT_SECRET).get("access_token");
    Request bad = new Request.Builder().url(customersUrl()).header("ST-App-Key", "fake-app-key")
        .header("Authorization", "Bearer not-issued").build();
    Request good = bad.newBuilder().header("Authorization", "Bearer " + token).build();

    try (Response resp = http.newCall(bad).execute()) {
      assertThat(resp.code()).isEqualTo(401);
    }
    try (Response resp = http.newCall(good).execute()) {
      assertThat(resp.code()).isEqualTo(200);
    }
  }

  @Test
  void expiredToken_isRejected_andTheClientRefreshesOnce() {
    RawCustomers customers = new RawCustomers(fake.client());
    customers.query().first();
    assertThat(fake.tokenRequestCount()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(601));   // server-side expiry; the client still trusts it
    customers.query().first();

    assertThat(fake.tokenRequestCount()).isEqualTo(2);
    assertThat(fake.requests()).extracting(LoggedRequest::status).contains(401);
  }

  @Test
  void manyCalls_shareOneToken() {
    RawCustomers customers = new RawCustomers(fake.client());
    for (int i = 0; i < 5; i++) {
      customers.query().page(i + 1);
    }
    assertThat(fake.tokenRequestCount()).isEqualTo(1);
    assertThat(fake.requestCount("/crm/v2/tenant/" + fake.tenantId() + "/customers")).isEqualTo(5);
  }

  @Test
  void otherTenant_is403() {
    try (ServiceTitan st = fake.clientBuilder().tenant(42).build()) {
      assertThatThrownBy(() -> new RawCustomers(st).query().first())
          .isInstanceOf(ForbiddenException.class);
    }
  }

  @Test
  void unknownPath_is404WithProblemDetails() throws IOException {
    String token = (String) token(FakeServiceTitan.DEFAULT_CLIENT_ID,
        FakeServiceTitan.DEFAULT_CLIENT_SECRET).get("access_token");
    Request r = new Request.Builder()
        .url(fake.baseUrl() + "/crm/v2/tenant/" + fake.tenantId() + "/no-such-thing")
        .header("ST-App-Key", "fake-app-key").header("Authorization", "Bearer " + token).build();
    try (Response resp = http.newCall(r).execute()) {
      assertThat(resp.code()).isEqualTo(404);
      assertThat(resp.body().string()).contains("\"status\":404").contains("traceId");
    }
  }

  @Test
  void requestLog_keepsMethodPathQuery_andRedactsSecrets() {
    new RawCustomers(fake.client()).query().name("Smith").page(2);

    List<LoggedRequest> log = fake.requests();
    LoggedRequest token = log.get(0);
    LoggedRequest list = log.get(log.size() - 1);
    assertThat(token.path()).isEqualTo("/connect/token");
    assertThat(token.body()).isEmpty();
    assertThat(list.method()).isEqualTo("GET");
    assertThat(list.queryParameter("name")).contains("Smith");
    assertThat(list.queryParameter("page")).contains("2");
    assertThat(list.headers().get("authorization")).containsExactly("<redacted>");
    assertThat(list.headers().get("st-app-key")).containsExactly("<redacted>");
    assertThat(list.time()).isEqualTo(clock.instant());
    assertThat(log.toString()).doesNotContain("fake-client-secret").doesNotContain("fake-app-key");
  }

  @Test
  void environmentVariables_pointFromEnvAtTheServer() {
    try (ServiceTitan st = ServiceTitan.fromEnv(fake.environmentVariables())) {
      assertThat(st.tenantId()).isEqualTo(fake.tenantId());
      assertThat(new RawCustomers(st).query().first()).isPresent();
    }
  }

  @Test
  void sameSeed_givesSameData_otherSeedDiffers() {
    try (FakeServiceTitan twin = FakeServiceTitan.start(FakeServiceTitan.Options.defaults().clock(clock));
        FakeServiceTitan other = FakeServiceTitan.start(FakeServiceTitan.Options.defaults().seed(7))) {
      assertThat(twin.records("crm/customers")).isEqualTo(fake.records("crm/customers"));
      assertThat(twin.records("accounting/invoices")).isEqualTo(fake.records("accounting/invoices"));
      assertThat(other.records("crm/customers")).isNotEqualTo(fake.records("crm/customers"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void seededData_keepsReferentialIntegrity_andAccountingMoneyIsStrings() {
    Map<Long, Map<String, Object>> customers = byId(fake.records("crm/customers"));
    Map<Long, Map<String, Object>> locations = byId(fake.records("crm/locations"));
    Map<Long, Map<String, Object>> invoices = byId(fake.records("accounting/invoices"));
    Set<Long> technicians = byId(fake.records("settings/technicians")).keySet();

    assertThat(locations.values()).allSatisfy(l ->
        assertThat(customers).containsKey((Long) l.get("customerId")));
    assertThat(invoices.values()).allSatisfy(inv -> {
      long customerId = (Long) ((Map<String, Object>) inv.get("customer")).get("id");
      long locationId = (Long) ((Map<String, Object>) inv.get("location")).get("id");
      assertThat(customers).containsKey(customerId);
      assertThat(locations.get(locationId).get("customerId")).isEqualTo(customerId);
      assertThat(inv.get("total")).isInstanceOf(String.class);
      assertThat(new BigDecimal((String) inv.get("total")))
          .isEqualByComparingTo(new BigDecimal((String) inv.get("subTotal"))
              .add(new BigDecimal((String) inv.get("salesTax"))));
      assertThat(inv.get("job")).isInstanceOf(Map.class);
    });
    assertThat(fake.records("accounting/payments")).isNotEmpty().allSatisfy(p -> {
      Map<String, Object> applied = ((List<Map<String, Object>>) p.get("appliedTo")).get(0);
      Map<String, Object> inv = invoices.get((Long) applied.get("appliedTo"));
      assertThat(inv).isNotNull();
      assertThat(((Map<String, Object>) p.get("customer")).get("id"))
          .isEqualTo(((Map<String, Object>) inv.get("customer")).get("id"));
      assertThat(p.get("total")).isInstanceOf(String.class);
    });
    assertThat(fake.records("dispatch/appointment-assignments")).isNotEmpty().allSatisfy(a ->
        assertThat(technicians).contains((Long) a.get("technicianId")));
    assertThat(fake.records("dispatch/technician-shifts")).isNotEmpty().allSatisfy(s ->
        assertThat(technicians).contains((Long) s.get("technicianId")));
    assertThat(customers.values()).allSatisfy(c -> assertThat(c.get("balance")).isInstanceOf(BigDecimal.class));
  }

  private static Map<Long, Map<String, Object>> byId(List<Map<String, Object>> rows) {
    return rows.stream().collect(Collectors.toMap(r -> (Long) r.get("id"), r -> r));
  }

  // ------------------------------------------------------------------ faults

  @Test
  void rateLimitEveryNth_answers429WithRetryAfterSeconds() {
    fake.faults().rateLimitEvery(3, Duration.ofSeconds(7));
    RawCustomers customers = new RawCustomers(fake.client());
    customers.query().first();
    customers.query().first();

    assertThatThrownBy(() -> customers.query().first())
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.status()).isEqualTo(429);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        });
    assertThat(customers.query().first()).isPresent();
  }

  @Test
  void rateLimitWithDate_sendsAnHttpDate() throws IOException {
    fake.faults().rateLimitEveryWithDate(1, Duration.ofSeconds(30));
    Request r = new Request.Builder().url(customersUrl()).build();
    try (Response resp = http.newCall(r).execute()) {
      assertThat(resp.code()).isEqualTo(429);
      ZonedDateTime at = ZonedDateTime.parse(resp.header("Retry-After"),
          DateTimeFormatter.RFC_1123_DATE_TIME);
      assertThat(at.toInstant()).isEqualTo(clock.instant().plusSeconds(30));
    }
  }

  @Test
  void serverErrorBurst_failsTheNextNCalls_thenRecovers() {
    fake.faults().serverErrors(2);
    RawCustomers customers = new RawCustomers(fake.client());

    assertThatThrownBy(() -> customers.query().first()).isInstanceOf(ServerException.class)
        .extracting(e -> ((TitanApiException) e).status()).isEqualTo(503);
    assertThatThrownBy(() -> customers.query().first()).isInstanceOf(ServerException.class);
    assertThat(customers.query().first()).isPresent();
  }

  @Test
  void droppedConnection_truncatedBody_andMalformedJson_surfaceAsTitanExceptions() {
    RawCustomers customers = new RawCustomers(fake.client());
    customers.query().first(); // token fetched before faults start

    fake.faults().dropConnectionMidBody(1);
    assertThatThrownBy(() -> customers.query().pageSize(500).first())
        .isInstanceOf(TitanException.class);
    fake.faults().truncateBody(1);
    assertThatThrownBy(() -> customers.query().first()).isInstanceOf(TitanException.class);
    fake.faults().malformedJson(1);
    assertThatThrownBy(() -> customers.query().first()).isInstanceOf(TitanException.class);

    assertThat(customers.query().first()).isPresent();
  }

  @Test
  void tokenEndpointErrors_andLatency_areInjectable() {
    fake.faults().tokenErrors(1).tokenLatency(Duration.ofMillis(150));
    RawCustomers customers = new RawCustomers(fake.client());

    assertThatThrownBy(() -> customers.query().first()).isInstanceOf(TitanApiException.class)
        .extracting(e -> ((TitanApiException) e).status()).isEqualTo(500);
    long t0 = System.nanoTime();
    assertThat(customers.query().first()).isPresent();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    assertThat(fake.tokenRequestCount()).isEqualTo(2);
  }

  @Test
  void latency_delaysResourceResponses() {
    RawCustomers customers = new RawCustomers(fake.client());
    customers.query().first();
    fake.faults().latency(Duration.ofMillis(120), Duration.ofMillis(30));

    long t0 = System.nanoTime();
    customers.query().first();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(120));

    fake.faults().clear();
    assertThat(fake.faults().toString()).contains("latency=PT0S");
  }

  @Test
  void optionsFaults_applyFromTheFirstRequest() {
    try (FakeServiceTitan f = FakeServiceTitan.start(FakeServiceTitan.Options.defaults()
        .faults(x -> x.serverErrors(1)))) {
      RawCustomers customers = new RawCustomers(f.client());
      assertThatThrownBy(() -> customers.query().first()).isInstanceOf(ServerException.class);
      assertThat(customers.query().first()).isPresent();
    }
  }

  @Test
  void start_isFast_andPortsAreFreeLoopback() {
    long t0 = System.nanoTime();
    try (FakeServiceTitan a = FakeServiceTitan.start(); FakeServiceTitan b = FakeServiceTitan.start()) {
      long millis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
      assertThat(a.baseUrl().getHost()).isEqualTo("127.0.0.1");
      assertThat(a.baseUrl().getPort()).isNotEqualTo(b.baseUrl().getPort());
      assertThat(millis).isLessThan(5_000); // generous: shared CI machines
    }
  }

  @Test
  void invalidOptions_failNamingTheArgument() {
    assertThatThrownBy(() -> FakeServiceTitan.Options.defaults().customers(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customers");
    assertThatThrownBy(() -> fake.faults().serverErrors(1, 404))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
    assertThatThrownBy(() -> fake.records("crm/nothing"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resource");
    assertThat(FakeServiceTitan.Options.defaults().toString()).doesNotContain("fake-client-secret");
  }

  @Test
  void otherModules_serveListsGetsAndExports() {
    var ctx = dev.titanj.core.internal.TitanContext.of(fake.client());
    Set<String> paths = new HashSet<>(fake.resources("settings"));
    assertThat(paths).contains("technicians", "business-units", "tag-types", "user-roles", "employees");
    assertThat(fake.resources("dispatch")).contains("appointment-assignments", "technician-shifts", "zones", "teams");
    assertThat(fake.resources("accounting")).contains("invoices", "payments");
    assertThat(ctx.tenantId()).isEqualTo(fake.tenantId());
  }
}
