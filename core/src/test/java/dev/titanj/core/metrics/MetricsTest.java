package dev.titanj.core.metrics;

import static dev.titanj.core.support.FakeServiceTitanServer.TENANT;
import static dev.titanj.core.support.FakeServiceTitanServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.Metrics;
import dev.titanj.core.NotFoundException;
import dev.titanj.core.RateLimit;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServerException;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.core.query.SampleRepository;
import dev.titanj.core.query.SampleServer;
import dev.titanj.core.support.FakeApi;
import dev.titanj.core.support.FakeServiceTitanServer;
import dev.titanj.core.support.ManualClock;
import dev.titanj.core.support.RecordingSleeper;
import dev.titanj.core.support.TestClients;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Micrometer meters recorded by a client built with {@code Metrics.micrometer(registry)}. */
class MetricsTest {
  private static final String ONE = "/crm/v2/tenant/{tenant}/customers/{id}";

  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeServiceTitanServer fake = new FakeServiceTitanServer();
  final ManualClock clock = ManualClock.atEpochDay();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private ServiceTitan client(Metrics metrics) {
    server.setDispatcher(fake);
    return TestClients.builder(server, clock, sleeper).metrics(metrics).build();
  }

  @Test
  void requests_areTimedPerMethodTemplateAndStatus_withoutIds() {
    try (ServiceTitan st = client(Metrics.micrometer(registry))) {
      TitanContext ctx = TitanContext.of(st);
      FakeApi api = ctx.api(FakeApi.class);
      ctx.execute(api.customer(TENANT, 1));
      ctx.execute(api.customer(TENANT, 2));
      ctx.execute(api.customers(TENANT, 3, null));
    }

    Timer one = registry.get("titanj.requests").tag("method", "GET").tag("uri", ONE)
        .tag("status", "200").tag("outcome", "SUCCESS").timer();
    assertThat(one.count()).isEqualTo(2);
    assertThat(registry.get("titanj.requests")
        .tag("uri", "/crm/v2/tenant/{tenant}/customers").timer().count()).isEqualTo(1);
    // No tag value anywhere carries an id, the tenant or a query string.
    assertThat(registry.getMeters()).flatExtracting(m -> m.getId().getTags())
        .noneMatch(t -> t.getValue().contains("1234567") || t.getValue().contains("?")
            || t.getValue().matches(".*/\\d+.*"));
    assertThat(registry.get("titanj.token.requests").tag("outcome", "SUCCESS").timer().count())
        .isEqualTo(1);
    assertThat(registry.find("titanj.retries").counters()).isEmpty();
  }

  @Test
  void a429_isCountedAsThrottledAndRetried_andTheCallAsOneRequest() {
    fake.enqueue(json(429, "{}").newBuilder().setHeader("Retry-After", "1").build(),
        json(200, "{\"id\":5}"));
    try (ServiceTitan st = client(Metrics.micrometer(registry))) {
      TitanContext ctx = TitanContext.of(st);
      ctx.execute(ctx.api(FakeApi.class).customer(TENANT, 5));
    }

    assertThat(registry.get("titanj.throttled").tag("uri", ONE).counter().count()).isEqualTo(1);
    assertThat(registry.get("titanj.retries").tag("method", "GET").tag("uri", ONE).counter()
        .count()).isEqualTo(1);
    assertThat(registry.get("titanj.requests").tag("status", "200").timer().count()).isEqualTo(1);
    assertThat(registry.find("titanj.requests").tag("status", "429").timer()).isNull();
    assertThat(fake.apiRequests()).hasSize(2);
  }

  @Test
  void metricsOn_addNoRetries_retryPolicyNoneStillMeansOneRequest() {
    fake.enqueue(json(503, "{}"), json(200, "{\"id\":5}"));
    server.setDispatcher(fake);
    try (ServiceTitan st = TestClients.builder(server, clock, sleeper)
        .retryPolicy(RetryPolicy.none()).metrics(Metrics.micrometer(registry)).build()) {
      TitanContext ctx = TitanContext.of(st);
      assertThatThrownBy(() -> ctx.execute(ctx.api(FakeApi.class).customer(TENANT, 5)))
          .isInstanceOf(ServerException.class);
    }
    assertThat(fake.apiRequests()).hasSize(1);
    assertThat(registry.find("titanj.retries").counters()).isEmpty();
    assertThat(registry.get("titanj.requests").tag("status", "503").timer().count())
        .isEqualTo(1);
  }

  @Test
  void metricsOn_theRetryPolicyBudgetIsTheOnlyRetryBudget() {
    fake.enqueue(json(503, "{}"), json(503, "{}"), json(503, "{}"), json(200, "{\"id\":5}"));
    server.setDispatcher(fake);
    try (ServiceTitan st = TestClients.builder(server, clock, sleeper)
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).build())
        .metrics(Metrics.micrometer(registry)).build()) {
      TitanContext ctx = TitanContext.of(st);
      assertThatThrownBy(() -> ctx.execute(ctx.api(FakeApi.class).customer(TENANT, 5)))
          .isInstanceOf(ServerException.class);
    }
    assertThat(fake.apiRequests()).hasSize(3);
    assertThat(registry.get("titanj.retries").counter().count()).isEqualTo(2);
    // One timed call, whose duration covers all three attempts and the backoff between them.
    assertThat(registry.get("titanj.requests").tag("status", "503").timer().count())
        .isEqualTo(1);
  }

  @Test
  void aFailedCall_isTaggedWithItsFinalStatus() {
    fake.enqueue(json(404, "{\"status\":404}"));
    try (ServiceTitan st = client(Metrics.micrometer(registry))) {
      TitanContext ctx = TitanContext.of(st);
      assertThatThrownBy(() -> ctx.execute(ctx.api(FakeApi.class).customer(TENANT, 9)))
          .isInstanceOf(NotFoundException.class);
    }
    assertThat(registry.get("titanj.requests").tag("status", "404")
        .tag("outcome", "CLIENT_ERROR").timer().count()).isEqualTo(1);
  }

  @Test
  void oneTokenRequest_servesManyCalls_andA401RefreshIsASecond() {
    fake.enqueue(json(401, "{}"), json(200, "{\"id\":1}"));
    try (ServiceTitan st = client(Metrics.micrometer(registry))) {
      TitanContext ctx = TitanContext.of(st);
      FakeApi api = ctx.api(FakeApi.class);
      ctx.execute(api.customer(TENANT, 1)); // 401, refresh, replay
      ctx.execute(api.customer(TENANT, 2));
      ctx.execute(api.customer(TENANT, 3));
    }
    assertThat(registry.get("titanj.token.requests").timer().count()).isEqualTo(2);
    assertThat(registry.get("titanj.requests").tag("status", "200").timer().count()).isEqualTo(3);
    // The 401 replay is part of the same attempt, not a retry.
    assertThat(registry.find("titanj.retries").counters()).isEmpty();
  }

  @Test
  void rateLimiterWaits_areTimed() {
    server.setDispatcher(fake);
    try (ServiceTitan st = TestClients.builder(server, clock, sleeper)
        .rateLimit(RateLimit.perSecond(10)).metrics(Metrics.micrometer(registry)).build()) {
      TitanContext ctx = TitanContext.of(st);
      for (int i = 0; i < 12; i++) {
        ctx.execute(ctx.api(FakeApi.class).customer(TENANT, i));
      }
    }
    // 10 in the first second, then the 11th waits a second (the 12th goes with it).
    Timer waits = registry.get("titanj.ratelimit.wait").timer();
    assertThat(waits.count()).isEqualTo(1);
    assertThat(waits.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(1000);
  }

  @Test
  void cacheLookups_areCountedAsHitsAndMisses_perResource() throws Exception {
    try (SampleServer samples = new SampleServer().seed(1, 10);
         ServiceTitan st = samples.client(1)
             .cache(CacheSettings.builder().resource(SampleRepository.RESOURCE,
                 CacheSettings.Resource.on(Duration.ofMinutes(5), 100)).build())
             .metrics(Metrics.micrometer(registry))
             .build()) {
      SampleRepository repo = new SampleRepository(st);
      repo.findById(7);
      repo.findById(7);
      repo.findById(8);
    }
    assertThat(registry.get("titanj.cache.gets").tag("cache", SampleRepository.RESOURCE)
        .tag("result", "hit").functionCounter().count()).isEqualTo(1);
    assertThat(registry.get("titanj.cache.gets").tag("cache", SampleRepository.RESOURCE)
        .tag("result", "miss").functionCounter().count()).isEqualTo(2);
  }

  @Test
  void extraTags_andTheOptionalTenantTag_areOnEveryRequestMeter() {
    try (ServiceTitan st = client(Metrics.micrometer(registry).tag("client", "sync")
        .tenantTag(true))) {
      TitanContext ctx = TitanContext.of(st);
      ctx.execute(ctx.api(FakeApi.class).customer(TENANT, 1));
    }
    assertThat(registry.get("titanj.requests").tag("client", "sync")
        .tag("tenant", Long.toString(TENANT)).timer().count()).isEqualTo(1);
    assertThat(registry.get("titanj.token.requests").tag("client", "sync").timer().count())
        .isEqualTo(1);
  }

  @Test
  void metricsNone_recordsNothing_andNoMeterNamesASecret() {
    try (ServiceTitan st = client(Metrics.none())) {
      TitanContext ctx = TitanContext.of(st);
      ctx.execute(ctx.api(FakeApi.class).customer(TENANT, 1));
    }
    assertThat(registry.getMeters()).isEmpty();

    try (ServiceTitan st = client(Metrics.micrometer(registry))) {
      TitanContext ctx = TitanContext.of(st);
      ctx.execute(ctx.api(FakeApi.class).customer(TENANT, 1));
    }
    for (Meter m : registry.getMeters()) {
      assertThat(m.getId().toString()).doesNotContain(FakeServiceTitanServer.CLIENT_SECRET)
          .doesNotContain(FakeServiceTitanServer.APP_KEY)
          .doesNotContain(FakeServiceTitanServer.CLIENT_ID);
    }
  }

  @Test
  void micrometer_rejectsANullRegistry() {
    assertThatThrownBy(() -> Metrics.micrometer(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registry");
  }
}
