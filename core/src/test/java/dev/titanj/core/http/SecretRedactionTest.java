package dev.titanj.core.http;

import static dev.titanj.core.support.FakeServiceTitanServer.APP_KEY;
import static dev.titanj.core.support.FakeServiceTitanServer.CLIENT_SECRET;
import static dev.titanj.core.support.FakeServiceTitanServer.TENANT;
import static dev.titanj.core.support.FakeServiceTitanServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.titanj.core.AccessToken;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanException;
import dev.titanj.core.TokenStore;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.core.support.FakeApi;
import dev.titanj.core.support.FakeServiceTitanServer;
import dev.titanj.core.support.LogCapture;
import dev.titanj.core.support.ManualClock;
import dev.titanj.core.support.RecordingSleeper;
import dev.titanj.core.support.TestClients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {
  /** The fake server issues token-1, token-2...; these are the values that must never leak. */
  static final List<String> SECRETS = List.of(CLIENT_SECRET, APP_KEY, "token-1", "token-2",
      "query-secret-value");

  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeServiceTitanServer fake = new FakeServiceTitanServer();
  final ManualClock clock = ManualClock.atEpochDay();

  private static void assertNoSecret(String text) {
    for (String secret : SECRETS) {
      assertThat(text).as("must not contain a secret").doesNotContain(secret);
    }
  }

  @Test
  void debugAndTraceLogs_describeEveryExchange_withoutAnySecret() {
    server.setDispatcher(fake);
    String log;
    try (LogCapture capture = LogCapture.start();
        ServiceTitan st = TestClients.builder(server, clock, new RecordingSleeper(clock)).build()) {
      TitanContext ctx = TitanContext.of(st);
      FakeApi api = ctx.api(FakeApi.class);
      fake.enqueue(json(401, "{}")); // forces a second token and a replay
      ctx.execute(api.customer(TENANT, 1));
      fake.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
      ctx.execute(api.customers(TENANT, 2, "query-secret-value"));
      fake.enqueue(json(503, "{}"));
      catchThrowable(() -> ctx.execute(api.create(TENANT, Map.of("name", "x"))));
      log = capture.text();
    }

    assertThat(log)
        .contains("DEBUG dev.titanj.auth - --> POST /connect/token (attempt 1)")
        .contains("DEBUG dev.titanj.http - --> GET /crm/v2/tenant/" + TENANT + "/customers/1 (attempt 1)")
        .contains("DEBUG dev.titanj.http - <-- 401 GET /crm/v2/tenant/" + TENANT + "/customers/1")
        .contains("DEBUG dev.titanj.http - <-- 200 GET /crm/v2/tenant/" + TENANT + "/customers/1")
        .contains("customers?page=2&access_token=<redacted>")
        .contains("<-- 429 GET /crm/v2/tenant/" + TENANT + "/customers?page=2")
        .contains("attempt 2)")
        .contains("DEBUG dev.titanj.retry - retrying GET")
        .contains("Authorization: Bearer <redacted>")
        .contains("ST-App-Key: <redacted>")
        .contains("<-- 503 POST /crm/v2/tenant/" + TENANT + "/customers");
    assertThat(log.lines().filter(l -> l.contains("--> GET /crm/v2/tenant/" + TENANT + "/customers/1 "))
        .count()).isEqualTo(2);
    assertNoSecret(log);
  }

  @Test
  void toStrings_neverShowSecrets() {
    server.setDispatcher(fake);
    List<String> rendered = new ArrayList<>();
    ServiceTitan.Builder builder = TestClients.builder(server, clock, new RecordingSleeper(clock));
    rendered.add(builder.toString());
    try (ServiceTitan st = builder.build()) {
      TitanContext ctx = TitanContext.of(st);
      ctx.execute(ctx.api(FakeApi.class).customer(TENANT, 1));
      rendered.add(st.toString());
      rendered.add(ctx.toString());
      rendered.add(ctx.settings().toString());
      rendered.add(dev.titanj.core.internal.TestAccess.http(ctx).interceptors().toString());
      rendered.add(new AccessToken("token-1", Instant.EPOCH).toString());
      TokenStore store = TokenStore.inMemory();
      store.put("k", new AccessToken("token-2", Instant.EPOCH));
      rendered.add(store.toString());
      rendered.add(RetryPolicy.defaults().toString());
    }

    assertThat(rendered).hasSize(8);
    assertThat(String.join("\n", rendered)).contains("tenant=" + TENANT).contains("<redacted>");
    assertNoSecret(String.join("\n", rendered));
  }

  @Test
  void exceptionMessagesAndStackTraces_neverShowSecrets() {
    server.setDispatcher(fake);
    fake.enqueueToken(json(401, "{\"error\":\"invalid_client\",\"error_description\":\"bad secret "
        + CLIENT_SECRET + "\"}"));
    List<Throwable> thrown = new ArrayList<>();
    try (ServiceTitan st = TestClients.builder(server, clock, new RecordingSleeper(clock))
        .retryPolicy(RetryPolicy.none()).build()) {
      TitanContext ctx = TitanContext.of(st);
      FakeApi api = ctx.api(FakeApi.class);
      thrown.add(catchThrowable(() -> ctx.execute(api.customer(TENANT, 1)))); // token refused
      fake.enqueue(json(401, "{}"), json(401, "{}"));
      thrown.add(catchThrowable(() -> ctx.execute(api.customer(TENANT, 1)))); // 401 twice
      fake.enqueue(json(400, "{\"title\":\"bad\",\"errors\":{\"x\":[\"y\"]}}"));
      thrown.add(catchThrowable(() -> ctx.execute(api.customers(TENANT, 1, "query-secret-value"))));
      fake.enqueue(new MockResponse.Builder().code(429).build());
      thrown.add(catchThrowable(() -> ctx.execute(api.customer(TENANT, 1))));
      fake.enqueue(json(200, "{\"id\":"));
      thrown.add(catchThrowable(() -> ctx.execute(api.customer(TENANT, 1))));
      fake.enqueue(new MockResponse.Builder()
          .onResponseStart(new mockwebserver3.SocketEffect.CloseSocket()).build());
      thrown.add(catchThrowable(() -> ctx.execute(api.create(TENANT, Map.of()))));
    }

    assertThat(thrown).hasSize(6).allSatisfy(t -> assertThat(t).isInstanceOf(TitanException.class));
    StringBuilder all = new StringBuilder();
    for (Throwable t : thrown) {
      java.io.StringWriter w = new java.io.StringWriter();
      t.printStackTrace(new java.io.PrintWriter(w));
      all.append(w).append('\n');
    }
    assertThat(all.toString()).contains("invalid_client").contains("HTTP 400");
    assertNoSecret(all.toString());
  }
}
