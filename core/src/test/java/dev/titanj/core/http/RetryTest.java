package dev.titanj.core.http;

import static dev.titanj.core.support.FakeServiceTitanServer.TENANT;
import static dev.titanj.core.support.FakeServiceTitanServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.RateLimitException;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServerException;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanIOException;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.core.support.FakeApi;
import dev.titanj.core.support.FakeServiceTitanServer;
import dev.titanj.core.support.ManualClock;
import dev.titanj.core.support.RecordingSleeper;
import dev.titanj.core.support.TestClients;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeServiceTitanServer fake = new FakeServiceTitanServer();
  final ManualClock clock = ManualClock.atEpochDay();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  ServiceTitan st;
  FakeApi api;
  TitanContext ctx;

  @BeforeEach
  void setUp() {
    server.setDispatcher(fake);
    use(RetryPolicy.defaults());
  }

  private void use(RetryPolicy policy) {
    if (st != null) {
      st.close();
    }
    st = TestClients.builder(server, clock, sleeper).retryPolicy(policy).build();
    ctx = TitanContext.of(st);
    api = ctx.api(FakeApi.class);
  }

  @AfterEach
  void tearDown() {
    st.close();
  }

  private static MockResponse status(int code) {
    return json(code, "{\"title\":\"status " + code + "\",\"status\":" + code
        + ",\"traceId\":\"trace-" + code + "\"}");
  }

  private static MockResponse tooManyRequests(String retryAfter) {
    return new MockResponse.Builder().code(429).addHeader("Retry-After", retryAfter)
        .addHeader("Content-Type", "application/json").body("{\"title\":\"Too Many Requests\"}")
        .build();
  }

  private static MockResponse disconnect() {
    // Socket effects on request start are read through Dispatcher.peek(); response start works
    // with any dispatcher.
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  @Test
  void tooManyRequests_withRetryAfterSeconds_waitsExactlyThatLongThenSucceeds() {
    fake.enqueue(tooManyRequests("2"));

    Map<String, Object> body = ctx.execute(api.customer(TENANT, 1));

    assertThat(body).containsEntry("name", "Acme");
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
    assertThat(fake.apiRequests()).hasSize(2);
  }

  @Test
  void tooManyRequests_withRetryAfterHttpDate_waitsUntilThatDate() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME
        .format(clock.instant().plusSeconds(5).atOffset(ZoneOffset.UTC));
    fake.enqueue(tooManyRequests(date));

    ctx.execute(api.customer(TENANT, 1));

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void tooManyRequests_isRetriedEvenForPost_becauseTheServerDidNotProcessIt() {
    fake.enqueue(tooManyRequests("1"));

    ctx.execute(api.create(TENANT, Map.of("name", "New")));

    assertThat(fake.apiRequests()).hasSize(2)
        .allSatisfy(r -> assertThat(r.getBody().utf8()).isEqualTo("{\"name\":\"New\"}"));
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void tooManyRequests_untilAttemptsRunOut_throwsRateLimitExceptionWithRetryAfter() {
    for (int i = 0; i < 4; i++) {
      fake.enqueue(tooManyRequests("3"));
    }

    assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 1)))
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.status()).isEqualTo(429);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
          assertThat(e.title()).contains("Too Many Requests");
        });
    assertThat(fake.apiRequests()).hasSize(4);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3),
        Duration.ofSeconds(3));
  }

  @Test
  void tooManyRequests_withRetryAfterBeyondTheCap_failsAtOnce() {
    fake.enqueue(tooManyRequests("120"));

    assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 1)))
        .isInstanceOfSatisfying(RateLimitException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
    assertThat(fake.apiRequests()).hasSize(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void serviceUnavailable_onGet_isRetriedWithGrowingJitteredBackoff() {
    fake.enqueue(status(503), status(502), status(504));

    assertThat(ctx.execute(api.customer(TENANT, 1))).containsEntry("name", "Acme");

    assertThat(fake.apiRequests()).hasSize(4);
    assertThat(sleeper.sleeps()).hasSize(3);
    // Defaults: 500 ms initial backoff, doubling; each wait lies in [base/2, base].
    assertThat(sleeper.sleeps().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(sleeper.sleeps().get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(sleeper.sleeps().get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
  }

  @Test
  void serviceUnavailable_untilAttemptsRunOut_throwsServerException() {
    use(RetryPolicy.builder().maxAttempts(3).build());
    fake.apiDefault(r -> status(503));

    assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 1)))
        .isInstanceOfSatisfying(ServerException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.traceId()).contains("trace-503");
        });
    assertThat(fake.apiRequests()).hasSize(3);
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  @Test
  void internalServerError_isNotRetried() {
    fake.enqueue(status(500));

    assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 1)))
        .isInstanceOf(ServerException.class);
    assertThat(fake.apiRequests()).hasSize(1);
  }

  @Test
  void serviceUnavailable_onPost_isNotRetriedByDefault() {
    fake.enqueue(status(503));

    assertThatThrownBy(() -> ctx.execute(api.create(TENANT, Map.of("name", "New"))))
        .isInstanceOfSatisfying(ServerException.class,
            e -> assertThat(e.status()).isEqualTo(503));
    assertThat(fake.apiRequests()).hasSize(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void serviceUnavailable_onPutAndPatch_isNotRetriedByDefault() {
    fake.enqueue(status(503), status(503));

    assertThatThrownBy(() -> ctx.execute(api.replace(TENANT, 1, Map.of("name", "X"))))
        .isInstanceOf(ServerException.class);
    assertThatThrownBy(() -> ctx.execute(api.update(TENANT, 1, Map.of("name", "X"))))
        .isInstanceOf(ServerException.class);
    assertThat(fake.apiRequests()).hasSize(2);
  }

  @Test
  void serviceUnavailable_onDelete_isRetried() {
    fake.enqueue(status(503), new MockResponse.Builder().code(204).build());

    ctx.execute(api.delete(TENANT, 1));

    assertThat(fake.apiRequests()).hasSize(2);
  }

  @Test
  void serviceUnavailable_onPost_isRetriedWhenTheCallerOptsIn() {
    use(RetryPolicy.builder().retryNonIdempotent(true).build());
    fake.enqueue(status(503));

    assertThat(ctx.execute(api.create(TENANT, Map.of("name", "New")))).containsEntry("id", 1.0);
    assertThat(fake.apiRequests()).hasSize(2);
  }

  @Test
  void maxAttemptsOne_meansNoRetry() {
    use(RetryPolicy.none());
    fake.enqueue(tooManyRequests("1"));

    assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 1)))
        .isInstanceOf(RateLimitException.class);
    assertThat(fake.apiRequests()).hasSize(1);
  }

  @Test
  void backoff_isCappedByMaxBackoff() {
    use(RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofSeconds(1))
        .maxBackoff(Duration.ofSeconds(2)).build());
    fake.apiDefault(r -> status(503));

    assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 1)))
        .isInstanceOf(ServerException.class);
    assertThat(fake.apiRequests()).hasSize(8);
    assertThat(sleeper.sleeps()).hasSize(7)
        .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(2)));
  }

  @Test
  void waitThatWouldOverrunTheCallTimeout_isNotStarted() {
    st.close();
    st = TestClients.builder(server, clock, sleeper).callTimeout(Duration.ofSeconds(10)).build();
    ctx = TitanContext.of(st);
    api = ctx.api(FakeApi.class);
    fake.enqueue(tooManyRequests("6"), tooManyRequests("6"));

    assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 1)))
        .isInstanceOf(RateLimitException.class);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(6));
    assertThat(fake.apiRequests()).hasSize(2);
  }

  @Test
  void interruptedWhileWaitingToRetry_failsWithTitanIOException_andKeepsTheInterruptFlag() {
    st.close();
    st = TestClients.builder(server, clock, sleeper)
        .sleeper(d -> {
          throw new InterruptedException("stop");
        }).build();
    ctx = TitanContext.of(st);
    api = ctx.api(FakeApi.class);
    fake.enqueue(tooManyRequests("1"));
    try {
      assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 1)))
          .isInstanceOfSatisfying(TitanIOException.class,
              e -> assertThat(e.getMessage()).contains("interrupted"));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted(); // clear it for the next test
    }
    assertThat(fake.apiRequests()).hasSize(1);
  }

  @Test
  void ioFailure_onGet_isRetried() {
    fake.enqueue(disconnect());

    assertThat(ctx.execute(api.customer(TENANT, 1))).containsEntry("name", "Acme");
    assertThat(sleeper.sleeps()).hasSize(1);
    assertThat(fake.apiRequests()).hasSize(2);
  }

  @Test
  void ioFailure_onPost_isNotReplayed_andSaysTheWriteMayHaveBeenApplied() {
    fake.enqueue(disconnect());

    assertThatThrownBy(() -> ctx.execute(api.create(TENANT, Map.of("name", "New"))))
        .isInstanceOfSatisfying(TitanIOException.class, e -> {
          assertThat(e.mayHaveBeenApplied()).isTrue();
          assertThat(e.getMessage()).contains("POST /crm/v2/tenant/" + TENANT + "/customers")
              .contains("may or may not have been applied");
        });
    assertThat(fake.apiRequests()).hasSize(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void ioFailure_onGet_afterAllAttempts_throwsTitanIOExceptionThatAppliedNothing() {
    fake.apiDefault(r -> disconnect());

    assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 1)))
        .isInstanceOfSatisfying(TitanIOException.class,
            e -> assertThat(e.mayHaveBeenApplied()).isFalse());
    assertThat(sleeper.sleeps()).hasSize(3);
    assertThat(fake.apiRequests()).hasSize(4);
  }

  @Test
  void connectionRefused_isRetriedEvenForPost_andNothingWasApplied() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String dead = "http://127.0.0.1:" + port;
    st.close();
    st = ServiceTitan.builder()
        .environment(dev.titanj.core.Environment.custom(dead, server.url("/").toString()))
        .clientCredentials(FakeServiceTitanServer.CLIENT_ID, FakeServiceTitanServer.CLIENT_SECRET)
        .appKey(FakeServiceTitanServer.APP_KEY).tenant(TENANT).clock(clock).sleeper(sleeper)
        .rateLimit(dev.titanj.core.RateLimit.unlimited()).build();
    ctx = TitanContext.of(st);
    api = ctx.api(FakeApi.class);

    assertThatThrownBy(() -> ctx.execute(api.create(TENANT, Map.of("name", "New"))))
        .isInstanceOfSatisfying(TitanIOException.class, e -> {
          assertThat(e.mayHaveBeenApplied()).isFalse();
          assertThat(e.getMessage()).contains("not sent");
        });
    assertThat(sleeper.sleeps()).hasSize(3);
  }
}
