package dev.titanj.core.auth;

import static dev.titanj.core.support.FakeServiceTitanServer.APP_KEY;
import static dev.titanj.core.support.FakeServiceTitanServer.CLIENT_ID;
import static dev.titanj.core.support.FakeServiceTitanServer.CLIENT_SECRET;
import static dev.titanj.core.support.FakeServiceTitanServer.TENANT;
import static dev.titanj.core.support.FakeServiceTitanServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.AccessToken;
import dev.titanj.core.AuthenticationException;
import dev.titanj.core.ServerException;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TokenStore;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.core.support.FakeApi;
import dev.titanj.core.support.FakeServiceTitanServer;
import dev.titanj.core.support.ManualClock;
import dev.titanj.core.support.RecordingSleeper;
import dev.titanj.core.support.TestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenLifecycleTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeServiceTitanServer fake = new FakeServiceTitanServer();
  final ManualClock clock = ManualClock.atEpochDay();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  ServiceTitan st;

  @BeforeEach
  void setUp() {
    server.setDispatcher(fake);
    st = TestClients.builder(server, clock, sleeper).build();
  }

  @AfterEach
  void tearDown() {
    st.close();
  }

  private Map<String, Object> get(ServiceTitan client, long id) {
    TitanContext ctx = TitanContext.of(client);
    return ctx.execute(ctx.api(FakeApi.class).customer(client.tenantId(), id));
  }

  @Test
  void tokenRequest_isFormEncodedClientCredentialsToConnectToken() throws Exception {
    get(st, 1);

    RecordedRequest token = fake.tokenRequests().get(0);
    assertThat(token.getMethod()).isEqualTo("POST");
    assertThat(token.getUrl().encodedPath()).isEqualTo("/connect/token");
    assertThat(token.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(token.getBody().utf8()).isEqualTo("grant_type=client_credentials&client_id="
        + CLIENT_ID + "&client_secret=" + CLIENT_SECRET);
    assertThat(token.getHeaders().get("Authorization")).isNull();
    assertThat(token.getHeaders().get("ST-App-Key")).isNull();
  }

  @Test
  void apiCall_carriesBearerTokenAndAppKey() {
    get(st, 42);

    RecordedRequest api = fake.apiRequests().get(0);
    assertThat(api.getUrl().encodedPath()).isEqualTo("/crm/v2/tenant/" + TENANT + "/customers/42");
    assertThat(api.getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
    assertThat(api.getHeaders().get("ST-App-Key")).isEqualTo(APP_KEY);
  }

  @Test
  void hundredSequentialCalls_useOneToken() {
    for (int i = 0; i < 100; i++) {
      get(st, i);
    }

    assertThat(fake.tokensIssued()).isEqualTo(1);
    assertThat(st.tokenRequestCount()).isEqualTo(1);
    assertThat(fake.apiRequests()).hasSize(100)
        .allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer token-1"));
  }

  @Test
  void sixtyFourThreadsOnAColdClient_causeExactlyOneTokenRequest() throws Exception {
    fake.tokenDelayMillis(300); // keeps the first token request open while the others pile up
    int threads = 64;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Map<String, Object>>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        long id = i;
        results.add(pool.submit(() -> {
          go.await();
          return get(st, id);
        }));
      }
      go.countDown();
      for (Future<Map<String, Object>> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).containsEntry("name", "Acme");
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(fake.tokenRequests()).hasSize(1);
    assertThat(st.tokenRequestCount()).isEqualTo(1);
    assertThat(fake.apiRequests()).hasSize(threads)
        .allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer token-1"));
  }

  @Test
  void expiredToken_isReplacedBeforeTheCall() {
    get(st, 1);
    clock.advance(Duration.ofSeconds(900 - 60 - 1)); // still outside the 60 s margin
    get(st, 2);
    clock.advance(Duration.ofSeconds(2)); // now inside the margin
    get(st, 3);

    assertThat(fake.tokensIssued()).isEqualTo(2);
    assertThat(fake.apiRequests()).extracting(r -> r.getHeaders().get("Authorization"))
        .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
  }

  @Test
  void refreshMargin_isConfigurable() {
    st.close();
    st = TestClients.builder(server, clock, sleeper).tokenRefreshMargin(Duration.ofSeconds(300))
        .build();
    get(st, 1);
    clock.advance(Duration.ofSeconds(601));
    get(st, 2);

    assertThat(fake.tokensIssued()).isEqualTo(2);
  }

  @Test
  void unauthorized_refreshesTokenOnceAndReplays() {
    fake.enqueue(json(401, "{\"title\":\"Unauthorized\"}"));

    Map<String, Object> body = get(st, 7);

    assertThat(body).containsEntry("name", "Acme");
    assertThat(fake.tokensIssued()).isEqualTo(2);
    assertThat(fake.apiRequests()).extracting(r -> r.getHeaders().get("Authorization"))
        .containsExactly("Bearer token-1", "Bearer token-2");
  }

  @Test
  void repeatedUnauthorized_throwsAuthenticationExceptionWithoutLooping() {
    fake.apiDefault(r -> json(401, "{\"title\":\"Unauthorized\",\"status\":401,\"traceId\":\"t-401\"}"));

    assertThatThrownBy(() -> get(st, 7))
        .isInstanceOf(AuthenticationException.class)
        .satisfies(e -> {
          AuthenticationException a = (AuthenticationException) e;
          assertThat(a.status()).isEqualTo(401);
          assertThat(a.traceId()).contains("t-401");
        });
    assertThat(fake.apiRequests()).hasSize(2);
    assertThat(fake.tokensIssued()).isEqualTo(2);
  }

  @Test
  void manyThreadsRejectedAtOnce_causeOneRefreshBetweenThem() throws Exception {
    get(st, 0); // token-1 is cached
    // The server now refuses token-1 (revoked) and accepts any later token.
    fake.apiDefault(r -> "Bearer token-1".equals(r.getHeaders().get("Authorization"))
        ? json(401, "{}") : json(200, "{\"name\":\"Acme\"}"));
    fake.tokenDelayMillis(200);
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Map<String, Object>>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        long id = i;
        results.add(pool.submit(() -> {
          go.await();
          return get(st, id);
        }));
      }
      go.countDown();
      for (Future<Map<String, Object>> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).containsEntry("name", "Acme");
      }
    } finally {
      pool.shutdownNow();
    }

    // Threads that saw the 401 after the refresh find token-2 already stored and reuse it.
    assertThat(fake.tokensIssued()).isEqualTo(2);
  }

  @Test
  void tokenEndpointRejectingCredentials_throwsAuthenticationException() {
    fake.enqueueToken(json(400, "{\"error\":\"invalid_client\"}"));

    assertThatThrownBy(() -> get(st, 1))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("invalid_client")
        .hasMessageNotContaining(CLIENT_SECRET);
    assertThat(fake.apiRequests()).isEmpty();
  }

  @Test
  void tokenEndpointUnavailable_isRetriedLikeAnyIdempotentCall() {
    fake.enqueueToken(json(503, "{}"), json(502, "{}"));

    assertThat(get(st, 1)).containsEntry("name", "Acme");
    assertThat(fake.tokenRequests()).hasSize(3);
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  @Test
  void tokenEndpointDownForGood_failsWithServerExceptionAfterBoundedAttempts() {
    for (int i = 0; i < 10; i++) {
      fake.enqueueToken(json(503, "{\"title\":\"down\"}"));
    }

    assertThatThrownBy(() -> get(st, 1)).isInstanceOf(ServerException.class);
    assertThat(fake.tokenRequests()).hasSize(4);
  }

  @Test
  void tokenFailure_isSharedByConcurrentWaitersInsteadOfRepeated() throws Exception {
    fake.tokenDelayMillis(1000);
    fake.enqueueToken(json(401, "{\"error\":\"invalid_client\"}"));
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return get(st, 1);
        }));
      }
      go.countDown();
      int failures = 0;
      for (Future<?> f : results) {
        try {
          f.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(AuthenticationException.class);
          failures++;
        }
      }
      // Threads that joined the failed flight fail with it (a lock-per-caller design would fail
      // only the first and send a new request for every other); a straggler arriving after the
      // flight ended may start a fresh request of its own.
      assertThat(failures).isGreaterThan(threads / 2);
      assertThat(fake.tokenRequests().size()).isLessThanOrEqualTo(threads - failures + 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void tokenStore_isConsultedSoProcessesCanShareAToken_keyedByEnvironmentTenantAndClientId() {
    TokenStore shared = TokenStore.inMemory();
    String key = TestClients.environment(server).authBase() + "|" + TENANT + "|" + CLIENT_ID;
    shared.put(key, new AccessToken("token-from-elsewhere", clock.instant().plusSeconds(900)));
    st.close();
    st = TestClients.builder(server, clock, sleeper).tokenStore(shared).build();

    get(st, 1);

    assertThat(fake.tokensIssued()).isZero();
    assertThat(fake.apiRequests().get(0).getHeaders().get("Authorization"))
        .isEqualTo("Bearer token-from-elsewhere");
  }

  @Test
  void failingTokenStore_doesNotFailCalls() {
    TokenStore broken = new TokenStore() {
      @Override
      public java.util.Optional<AccessToken> get(String key) {
        throw new IllegalStateException("store down");
      }

      @Override
      public void put(String key, AccessToken token) {
        throw new IllegalStateException("store down");
      }

      @Override
      public void remove(String key) {
        throw new IllegalStateException("store down");
      }
    };
    st.close();
    st = TestClients.builder(server, clock, sleeper).tokenStore(broken).build();
    fake.enqueue(json(401, "{}"));

    assertThat(get(st, 1)).containsEntry("name", "Acme");
    assertThat(fake.apiRequests()).hasSize(2);
  }

  @Test
  void withTenant_usesItsOwnCredentialsAndTokenButTheSameServer() {
    get(st, 1);
    try (ServiceTitan other = st.withTenant(99L, "client-other", "other-secret-value")) {
      get(other, 2);

      assertThat(other.tenantId()).isEqualTo(99L);
      assertThat(fake.tokenRequests()).hasSize(2);
      assertThat(fake.tokenRequests().get(1).getBody().utf8()).contains("client_id=client-other");
      assertThat(fake.apiRequests().get(1).getUrl().encodedPath())
          .isEqualTo("/crm/v2/tenant/99/customers/2");
      assertThat(fake.apiRequests().get(1).getHeaders().get("Authorization"))
          .isEqualTo("Bearer token-2");
    }
    // Closing the derived client leaves the parent working.
    get(st, 3);
  }

  @Test
  void credentialsAreNotSentToAnotherHost() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      elsewhere.enqueue(json(200, "{\"id\":1}"));
      TitanContext ctx = TitanContext.of(st);
      // 127.0.0.1 vs localhost: same machine, different origin.
      String url = "http://127.0.0.1:" + elsewhere.getPort() + "/somewhere";

      ctx.execute(ctx.api(FakeApi.class).absolute(url));

      RecordedRequest r = elsewhere.takeRequest(5, TimeUnit.SECONDS);
      assertThat(r.getHeaders().get("Authorization")).isNull();
      assertThat(r.getHeaders().get("ST-App-Key")).isNull();
    }
  }

  @Test
  void redirects_areNotFollowed() {
    fake.enqueue(new mockwebserver3.MockResponse.Builder().code(302)
        .addHeader("Location", "http://127.0.0.1:1/steal").build());

    assertThatThrownBy(() -> get(st, 1)).isInstanceOf(dev.titanj.core.TitanApiException.class)
        .satisfies(e -> assertThat(((dev.titanj.core.TitanApiException) e).status()).isEqualTo(302));
    assertThat(fake.apiRequests()).hasSize(1);
  }

  @Test
  void closedClient_refusesCalls() {
    st.close();

    assertThatThrownBy(() -> get(st, 1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(fake.apiRequests()).isEmpty();
  }
}
