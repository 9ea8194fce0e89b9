package dev.titanj.core.http;

import static dev.titanj.core.support.FakeServiceTitanServer.APP_KEY;
import static dev.titanj.core.support.FakeServiceTitanServer.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.RateLimit;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.core.support.FakeApi;
import dev.titanj.core.support.FakeServiceTitanServer;
import dev.titanj.core.support.ManualClock;
import dev.titanj.core.support.RecordingSleeper;
import dev.titanj.core.support.TestClients;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A request budget kept outside the client ({@link RateLimit#custom}), as a cluster keeps one. */
class ExternalBudgetTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeServiceTitanServer fake = new FakeServiceTitanServer();
  final ManualClock clock = ManualClock.atEpochDay();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);

  @BeforeEach
  void dispatch() {
    server.setDispatcher(fake);
  }

  private void calls(ServiceTitan st, int n) {
    TitanContext ctx = TitanContext.of(st);
    for (int i = 0; i < n; i++) {
      ctx.execute(ctx.api(FakeApi.class).customer(TENANT, i));
    }
  }

  @Test
  void anExternalBudget_isAskedOncePerAttempt_andItsWaitIsHonoured() {
    List<String> keys = new CopyOnWriteArrayList<>();
    List<Clock> clocks = new CopyOnWriteArrayList<>();
    AtomicInteger reservations = new AtomicInteger();
    RateLimit limit = RateLimit.custom(10, (key, c) -> {
      keys.add(key);
      clocks.add(c);
      return () -> Duration.ofMillis(250 * reservations.getAndIncrement());
    });

    try (ServiceTitan st = TestClients.builder(server, clock, sleeper).rateLimit(limit).build()) {
      calls(st, 3);
    }

    assertThat(reservations).hasValue(3); // the token request is not counted
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(clocks).containsExactly(clock);
    assertThat(keys).singleElement().satisfies(key -> assertThat(key)
        .contains(server.url("/").host()).contains("|" + TENANT + "|").doesNotContain(APP_KEY));
  }

  @Test
  void clientsOfTheSameTenantAndApp_nameTheSameBudget_otherTenantsAnother() {
    List<String> keys = new CopyOnWriteArrayList<>();
    RateLimit limit = RateLimit.custom(10, (key, c) -> {
      keys.add(key);
      return () -> Duration.ZERO;
    });

    try (ServiceTitan one = TestClients.builder(server, clock, sleeper).rateLimit(limit).build();
        ServiceTitan two = TestClients.builder(server, clock, sleeper).rateLimit(limit).build();
        ServiceTitan other = one.withTenant(TENANT + 1, "client-2", "secret-2")) {
      assertThat(keys).hasSize(3);
      assertThat(keys.get(0)).isEqualTo(keys.get(1)).isNotEqualTo(keys.get(2));
    }
  }

  @Test
  void aFailingBudget_fallsBackToTheClientsOwnRate_andNoCallFails() {
    RateLimit limit = RateLimit.custom(10, (key, c) -> () -> {
      throw new IllegalStateException("cluster unreachable");
    });

    try (ServiceTitan st = TestClients.builder(server, clock, sleeper).rateLimit(limit).build()) {
      calls(st, 12);
    }

    // The client's own 10/s window, as in ClientRateLimitTest.
    assertThat(fake.apiRequests()).hasSize(12);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void badArguments_areNamed() {
    assertThatThrownBy(() -> RateLimit.custom(0, (k, c) -> () -> Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestsPerSecond");
    assertThatThrownBy(() -> RateLimit.custom(10, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("budgets");
    assertThatThrownBy(() -> RateLimit.shared((javax.cache.CacheManager) null, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("manager");
    assertThat(RateLimit.custom(10, (k, c) -> () -> Duration.ZERO).toString())
        .isEqualTo("RateLimit{10/s, custom}");
  }
}
