package dev.titanj.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.titanj.core.Active;
import dev.titanj.core.AuthenticationException;
import dev.titanj.core.RateLimit;
import dev.titanj.core.RateLimitException;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServerException;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanDecodingException;
import dev.titanj.core.TitanIOException;
import dev.titanj.crm.Crm;
import dev.titanj.crm.model.Customer;
import dev.titanj.reliability.FaultProxy.Fault;
import dev.titanj.testing.FakeServiceTitan;
import dev.titanj.testing.LoggedRequest;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One test per fault: each ends with every record, or with a typed exception, within a bounded
 * time. Retries wait through a recording sleeper, so nothing really sleeps (except the socket
 * timeouts of the slow-page tests, which are real and short).
 */
@Timeout(60)
class FaultInjectionTest {
  private static final int CUSTOMERS = 120;

  private final FakeServiceTitan fake = FakeServiceTitan.start(
      FakeServiceTitan.Options.defaults().customers(CUSTOMERS));
  private final FaultProxy proxy = new FaultProxy(fake.baseUrl());
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @AfterEach
  void stop() {
    proxy.close();
    fake.close();
  }

  private ServiceTitan.Builder viaProxy() {
    return fake.clientBuilder()
        .environment(dev.titanj.core.Environment.custom(proxy.baseUrl(), proxy.baseUrl()))
        .retryPolicy(RetryPolicy.defaults())
        .rateLimit(RateLimit.unlimited())
        .sleeper(sleeper);
  }

  private Set<Long> allIds() {
    return fake.records("crm/customers").stream()
        .map(r -> ((Number) r.get("id")).longValue()).collect(Collectors.toSet());
  }

  private static List<Long> streamIds(ServiceTitan st) {
    return Crm.of(st).customers().query().active(Active.ANY).pageSize(20).stream()
        .map(Customer::id).collect(Collectors.toList());
  }

  private void assertExactlyOnce(List<Long> ids) {
    assertThat(ids).hasSize(CUSTOMERS).doesNotHaveDuplicates();
    assertThat(Set.copyOf(ids)).isEqualTo(allIds());
  }

  // ---------------------------------------------------------------- 429

  @Test
  void rateLimitStorm_withoutRetryAfter_backsOffExponentially_andLosesNothing() {
    proxy.rule(FaultProxy.firstN(3, Fault.RATE_LIMIT_NO_HEADER));
    try (ServiceTitan st = viaProxy().build()) {
      assertExactlyOnce(streamIds(st));
    }
    assertThat(proxy.count(Fault.RATE_LIMIT_NO_HEADER)).isEqualTo(3);
    List<Duration> waits = sleeper.waits();
    assertThat(waits).hasSize(3);
    // Equal jitter around 500 ms doubling: [250, 500], [500, 1000], [1000, 2000].
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(waits.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
  }

  @Test
  void rateLimitStorm_withRetryAfterSeconds_waitsWhatTheServerSays() {
    proxy.rule(FaultProxy.firstN(3, Fault.RATE_LIMIT_SECONDS));
    try (ServiceTitan st = viaProxy().build()) {
      assertExactlyOnce(streamIds(st));
    }
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2),
        Duration.ofSeconds(2));
  }

  @Test
  void rateLimitStorm_withRetryAfterHttpDate_waitsUntilThatDate() {
    proxy.rule(FaultProxy.firstN(2, Fault.RATE_LIMIT_DATE));
    try (ServiceTitan st = viaProxy().build()) {
      assertExactlyOnce(streamIds(st));
    }
    // The date is 5 s ahead at one-second precision.
    assertThat(sleeper.waits()).hasSize(2).allSatisfy(
        w -> assertThat(w).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5)));
  }

  @Test
  void rateLimitStorm_longerThanTheBudget_endsInRateLimitExceptionAfterMaxAttempts() {
    proxy.rule(FaultProxy.always(Fault.RATE_LIMIT_SECONDS));
    try (ServiceTitan st = viaProxy().build()) {
      RateLimitException e = catchThrowableOfType(RateLimitException.class,
          () -> Crm.of(st).customers().query().page(1));
      assertThat(e.status()).isEqualTo(429);
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    }
    assertThat(proxy.count(Fault.RATE_LIMIT_SECONDS)).isEqualTo(4);
    assertThat(sleeper.waits()).hasSize(3);
  }

  @Test
  void retryAfter_longerThanTheMaximum_failsAtOnceInsteadOfWaiting() {
    proxy.rule(FaultProxy.always(Fault.RATE_LIMIT_SECONDS));
    try (ServiceTitan st = viaProxy().retryPolicy(RetryPolicy.builder()
        .maxRetryAfter(Duration.ofSeconds(1)).build()).build()) {
      assertThatThrownBy(() -> Crm.of(st).customers().query().page(1))
          .isInstanceOf(RateLimitException.class);
    }
    assertThat(proxy.count(Fault.RATE_LIMIT_SECONDS)).isEqualTo(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  // ---------------------------------------------------------------- 5xx

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"BAD_GATEWAY", "UNAVAILABLE", "GATEWAY_TIMEOUT"})
  void gatewayErrorBurst_shorterThanTheBudget_isAbsorbed(Fault status) {
    proxy.rule(FaultProxy.firstN(3, status));
    try (ServiceTitan st = viaProxy().build()) {
      assertExactlyOnce(streamIds(st));
    }
    assertThat(proxy.count(status)).isEqualTo(3);
    assertThat(sleeper.waits()).hasSize(3);
  }

  @Test
  void mixedGatewayErrorBurst_longerThanTheBudget_endsInServerException() {
    Fault[] burst = {Fault.BAD_GATEWAY, Fault.UNAVAILABLE, Fault.GATEWAY_TIMEOUT,
        Fault.UNAVAILABLE};
    proxy.rule((r, i) -> FaultProxy.isToken(r) ? Fault.NONE : burst[(i - 2) % burst.length]);
    try (ServiceTitan st = viaProxy().build()) {
      ServerException e = catchThrowableOfType(ServerException.class,
          () -> Crm.of(st).customers().findById(allIds().iterator().next()));
      assertThat(e.status()).isEqualTo(503);
      assertThat(e.traceId()).contains("proxy-503");
    }
    assertThat(proxy.seen()).filteredOn(s -> !s.path.equals("/connect/token")).hasSize(4);
  }

  // ---------------------------------------------------------------- transport

  @Test
  void connectionResetMidPage_retriesThatPage_andLosesNothing() {
    proxy.rule((r, i) -> i == 4 || i == 7 ? Fault.DROP_MID_BODY : Fault.NONE);
    // One page at a time, so requests 4 and 7 are two different pages.
    try (ServiceTitan st = viaProxy().pagingParallelism(1).build()) {
      assertExactlyOnce(streamIds(st));
    }
    assertThat(proxy.count(Fault.DROP_MID_BODY)).isEqualTo(2);
    // Each page retry is the RetryPolicy's first retry (the one retry owner): a jittered wait
    // of half to all of the 500 ms initial backoff, through the client's sleeper.
    assertThat(sleeper.waits()).hasSize(2).allSatisfy(w -> assertThat(w)
        .isBetween(Duration.ofMillis(250), Duration.ofMillis(500)));
  }

  @Test
  void connectionResetMidPage_withFourPagesInFlight_losesAndRepeatsNothing() {
    proxy.rule((r, i) -> i == 3 || i == 5 ? Fault.DROP_MID_BODY : Fault.NONE);
    try (ServiceTitan st = viaProxy().build()) {
      assertExactlyOnce(streamIds(st));
    }
    assertThat(proxy.count(Fault.DROP_MID_BODY)).isEqualTo(2);
    assertThat(sleeper.waits()).hasSize(2);
  }

  @Test
  void connectionResetMidBatch_ofAnExportFeed_retriesThatBatch_throughTheClientsSleeper() {
    try (FakeServiceTitan small = FakeServiceTitan.start(FakeServiceTitan.Options.defaults()
            .customers(CUSTOMERS).exportBatchSize(25));
        FaultProxy p = new FaultProxy(small.baseUrl())
            .rule((r, i) -> i == 3 ? Fault.DROP_MID_BODY : Fault.NONE);
        ServiceTitan st = small.clientBuilder()
            .environment(dev.titanj.core.Environment.custom(p.baseUrl(), p.baseUrl()))
            .retryPolicy(RetryPolicy.defaults()).rateLimit(RateLimit.unlimited())
            .sleeper(sleeper).build()) {
      List<Long> ids = Crm.of(st).customers().export().stream()
          .map(dev.titanj.crm.model.Customer::id).collect(Collectors.toList());
      assertThat(ids).hasSize(CUSTOMERS).doesNotHaveDuplicates();
      assertThat(p.count(Fault.DROP_MID_BODY)).isEqualTo(1);
    }
    assertThat(sleeper.waits()).hasSize(1).allSatisfy(w -> assertThat(w)
        .isBetween(Duration.ofMillis(250), Duration.ofMillis(500)));
  }

  @Test
  void bodyShorterThanItsContentLength_isATransportFault_andThePageIsRetried() {
    proxy.rule((r, i) -> i == 3 ? Fault.TRUNCATE : Fault.NONE);
    try (ServiceTitan st = viaProxy().build()) {
      assertExactlyOnce(streamIds(st));
    }
    assertThat(proxy.count(Fault.TRUNCATE)).isEqualTo(1);
  }

  @Test
  void connectionResetOnEveryAttempt_endsInTitanIOException_notMayHaveBeenAppliedForAGet() {
    proxy.rule(FaultProxy.always(Fault.DROP_MID_BODY));
    try (ServiceTitan st = viaProxy().build()) {
      TitanIOException e = catchThrowableOfType(TitanIOException.class,
          () -> Crm.of(st).customers().query().page(1));
      assertThat(e.mayHaveBeenApplied()).isFalse();
      assertThat(e).hasMessageContaining("GET /crm/v2/tenant/" + fake.tenantId() + "/customers");
    }
  }

  @Test
  void truncatedJsonWithAConsistentLength_isADecodingError_namingThePath() {
    try (ServiceTitan st = fake.clientBuilder().retryPolicy(RetryPolicy.defaults())
        .sleeper(sleeper).build()) {
      fake.faults().truncateBody(1);
      TitanDecodingException e = catchThrowableOfType(TitanDecodingException.class,
          () -> Crm.of(st).customers().query().page(1));
      assertThat(e.requestPath()).contains("GET /crm/v2/tenant/" + fake.tenantId() + "/customers");
      // The next read is fine: nothing bad was cached or left on the connection.
      assertThat(Crm.of(st).customers().query().page(1).items()).isNotEmpty();
    }
  }

  @Test
  void malformedJson_isATitanDecodingException_namingTypeFieldAndPath() {
    try (ServiceTitan st = fake.clientBuilder().retryPolicy(RetryPolicy.defaults())
        .sleeper(sleeper).build()) {
      long id = allIds().iterator().next();
      fake.faults().malformedJson(1);
      TitanDecodingException e = catchThrowableOfType(TitanDecodingException.class,
          () -> Crm.of(st).customers().findById(id));
      assertThat(e.type()).isNotBlank();
      assertThat(e.field()).hasValueSatisfying(f -> assertThat(f).startsWith("$"));
      assertThat(e.requestPath()).contains(
          "GET /crm/v2/tenant/" + fake.tenantId() + "/customers/" + id);
      assertThat(e).hasMessageContaining(e.type()).hasMessageContaining(e.field().get());
      assertThat(fake.requests()).filteredOn(r -> r.path().endsWith("/customers/" + id))
          .hasSize(1); // decoding errors are not retried
    }
  }

  @Test
  void wrongFieldType_isATitanDecodingException_namingTheRecordTypeAndField() {
    proxy.rule(FaultProxy.always(Fault.WRONG_TYPE));
    try (ServiceTitan st = viaProxy().build()) {
      long id = allIds().iterator().next();
      TitanDecodingException e = catchThrowableOfType(TitanDecodingException.class,
          () -> Crm.of(st).customers().findById(id));
      assertThat(e.type()).contains("Customer");
      assertThat(e.field()).hasValueSatisfying(f -> assertThat(f).contains("active"));
      assertThat(e).hasMessageContaining("/customers/" + id);
    }
  }

  @Test
  void slowPage_pastTheReadTimeout_isRetried_andLosesNothing() {
    proxy.slowMillis(4_000).rule(FaultProxy.firstN(1, Fault.SLOW));
    try (ServiceTitan st = viaProxy().readTimeout(Duration.ofSeconds(1)).build()) {
      assertExactlyOnce(streamIds(st));
    }
    assertThat(proxy.count(Fault.SLOW)).isEqualTo(1);
    assertThat(sleeper.waits()).isNotEmpty();
  }

  @Test
  void slowPage_onEveryAttempt_endsInTitanIOExceptionWithinTheBoundedTime() {
    proxy.slowMillis(1_500).rule(FaultProxy.always(Fault.SLOW));
    long start = System.nanoTime();
    try (ServiceTitan st = viaProxy().readTimeout(Duration.ofMillis(200))
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build()) {
      TitanIOException e = catchThrowableOfType(TitanIOException.class,
          () -> Crm.of(st).customers().query().page(1));
      assertThat(e).hasCauseInstanceOf(SocketTimeoutException.class);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(proxy.count(Fault.SLOW)).isEqualTo(2);
  }

  // ---------------------------------------------------------------- token endpoint

  @Test
  void tokenEndpoint500_isAServerException_andTheNextCallGetsAToken() {
    try (ServiceTitan st = fake.clientBuilder().retryPolicy(RetryPolicy.defaults())
        .sleeper(sleeper).build()) {
      fake.faults().tokenErrors(1);
      ServerException e = catchThrowableOfType(ServerException.class,
          () -> Crm.of(st).customers().query().page(1));
      assertThat(e.status()).isEqualTo(500);
      assertThat(e.requestPath()).contains("POST /connect/token");
      assertThat(Crm.of(st).customers().query().page(1).items()).isNotEmpty();
      assertThat(fake.tokenRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void tokenEndpoint503Burst_isRetriedLikeAnyCall() {
    proxy.rule((r, i) -> FaultProxy.isToken(r) && i <= 2 ? Fault.UNAVAILABLE : Fault.NONE);
    try (ServiceTitan st = viaProxy().build()) {
      assertThat(Crm.of(st).customers().query().page(1).items()).isNotEmpty();
    }
    assertThat(fake.tokenRequestCount()).isEqualTo(1);
    assertThat(proxy.count(Fault.UNAVAILABLE)).isEqualTo(2);
  }

  @Test
  void invalidClient_isAnAuthenticationException_thatNamesNeitherIdNorSecret() {
    try (ServiceTitan st = fake.clientBuilder().clientCredentials("fake-client-id",
        "wrong-secret-value").build()) {
      AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
          () -> Crm.of(st).customers().query().page(1));
      assertThat(e).hasMessageContaining("invalid_client")
          .hasMessageNotContaining("wrong-secret-value");
    }
    assertThat(fake.requests()).noneMatch(r -> r.path().contains("/customers"));
  }

  @Test
  void invalidClient_answeredWith401_isAnAuthenticationExceptionToo() {
    try (FakeServiceTitan strict = FakeServiceTitan.start(
        FakeServiceTitan.Options.defaults().invalidClientStatus(401));
        ServiceTitan st = strict.clientBuilder().clientCredentials("fake-client-id", "nope-nope")
            .build()) {
      assertThatThrownBy(() -> Crm.of(st).customers().query().page(1))
          .isInstanceOf(AuthenticationException.class).hasMessageContaining("invalid_client");
    }
  }

  @Test
  void tokenThatExpiresEarly_byServerClockSkew_isRefreshedOnceAndTheCallReplayed() {
    ManualClock serverClock = ManualClock.startingNow();
    try (FakeServiceTitan skewed = FakeServiceTitan.start(
        FakeServiceTitan.Options.defaults().clock(serverClock));
        ServiceTitan st = skewed.clientBuilder().build()) {
      assertThat(Crm.of(st).customers().query().page(1).items()).isNotEmpty();
      // The server's clock runs 16 minutes ahead: the client still trusts its 15-minute token.
      serverClock.advance(Duration.ofMinutes(16));

      assertThat(Crm.of(st).customers().query().page(2).items()).isNotEmpty();

      assertThat(skewed.tokenRequestCount()).isEqualTo(2);
      assertThat(skewed.requests()).extracting(LoggedRequest::status)
          .containsExactly(200, 200, 401, 200, 200);
    }
  }

  @Test
  void tokenRejectedTwice_endsInAuthenticationException_afterOneRefresh() {
    proxy.rule((r, i) -> Fault.NONE);
    try (ServiceTitan st = viaProxy().build()) {
      Crm.of(st).customers().query().page(1);
      long before = fake.tokenRequestCount();
      // Every token is revoked as soon as it is used: the replay is rejected too.
      proxy.rule((r, i) -> {
        fake.revokeTokens();
        return Fault.NONE;
      });
      assertThatThrownBy(() -> Crm.of(st).customers().query().page(1))
          .isInstanceOf(AuthenticationException.class);
      assertThat(fake.tokenRequestCount() - before).isEqualTo(1);
    }
  }
}
