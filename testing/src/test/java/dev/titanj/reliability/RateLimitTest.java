package dev.titanj.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.ForbiddenException;
import dev.titanj.core.RateLimit;
import dev.titanj.core.ServiceTitan;
import dev.titanj.crm.Crm;
import dev.titanj.testing.FakeServiceTitan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client-side limiter on an injected clock: the clock never moves unless the test moves it,
 * and the sleeper records each wait instead of sleeping, so the waits are exact. With a frozen
 * clock the k-th request past the burst must wait exactly k request intervals.
 *
 * <p>Measured semantics of the sliding window: at most {@code rate} requests in any one second,
 * so a second's budget goes at once and the request {@code rate} places later waits until a
 * second after it.
 */
@Timeout(60)
class RateLimitTest {
  private static final long INTERVAL_60 = 1_000_000_000L / 60;

  private final FakeServiceTitan fake = FakeServiceTitan.start(
      FakeServiceTitan.Options.defaults().customers(20));
  private final ManualClock clock = ManualClock.startingNow();
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @AfterEach
  void stop() {
    fake.close();
  }

  private ServiceTitan client(RateLimit limit) {
    ServiceTitan.Builder b = fake.clientBuilder().clock(clock).sleeper(sleeper);
    return limit == null ? b.build() : b.rateLimit(limit).build();
  }

  private static List<Duration> intervals(long intervalNanos, int from, int to) {
    List<Duration> out = new ArrayList<>();
    for (int k = from; k <= to; k++) {
      out.add(Duration.ofNanos(k * intervalNanos));
    }
    return out;
  }

  @Test
  void defaultLimit_is60PerSecond_afterOneSecondsBudgetAtOnce() {
    try (ServiceTitan st = client(null)) {
      for (int i = 0; i < 90; i++) {
        Crm.of(st).customers().query().page(1);
      }
    }
    // 60 at once; on a frozen clock each of the next 30 waits a second (its slot is one second
    // after the request 60 places before it); the token request is free.
    assertThat(sleeper.waits()).hasSize(30).containsOnly(Duration.ofSeconds(1));
    assertThat(fake.requests()).hasSize(91);
  }

  @Test
  void limit_isSharedByAllThreadsOfAClient() throws Exception {
    int threads = 8;
    int perThread = 15;
    try (ServiceTitan st = client(RateLimit.defaults())) {
      Crm.of(st).customers().query().page(1); // token + first slot
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < perThread; i++) {
            Crm.of(st).customers().query().page(1);
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
    }
    // 121 requests, one budget: every slot after the first 7 is taken exactly once.
    assertThat(sleeper.waits()).containsExactlyInAnyOrderElementsOf(
        intervals(INTERVAL_60, 1, threads * perThread + 1 - 7));
  }

  @Test
  void limit_isConfigurable() {
    try (ServiceTitan st = client(RateLimit.perSecond(10))) {
      for (int i = 0; i < 5; i++) {
        Crm.of(st).customers().query().page(1);
      }
    }
    // Burst of one (+ the current slot), then one every 100 ms.
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(300));
  }

  @Test
  void limit_canBeTurnedOff() {
    try (ServiceTitan st = client(RateLimit.unlimited())) {
      for (int i = 0; i < 200; i++) {
        Crm.of(st).customers().query().page(1);
      }
    }
    assertThat(sleeper.waits()).isEmpty();
    assertThat(fake.requests()).hasSize(201);
  }

  @Test
  void budget_refillsWithTheClock_butOnlyUpToTheBurst() {
    try (ServiceTitan st = client(RateLimit.defaults())) {
      for (int i = 0; i < 7; i++) {
        Crm.of(st).customers().query().page(1);
      }
      assertThat(sleeper.waits()).isEmpty();
      clock.advance(Duration.ofSeconds(10)); // idle for 10 s: still only 6 stored
      for (int i = 0; i < 8; i++) {
        Crm.of(st).customers().query().page(1);
      }
    }
    assertThat(sleeper.waits()).containsExactly(Duration.ofNanos(INTERVAL_60));
  }

  @Test
  void clientForAnotherTenant_hasABudgetOfItsOwn() {
    try (ServiceTitan st = client(RateLimit.defaults())) {
      for (int i = 0; i < 7; i++) {
        Crm.of(st).customers().query().page(1);
      }
      ServiceTitan other = st.withTenant(fake.tenantId() + 1, fake.clientId(),
          FakeServiceTitan.DEFAULT_CLIENT_SECRET);
      for (int i = 0; i < 7; i++) {
        try {
          Crm.of(other).customers().query().page(1);
        } catch (ForbiddenException expected) {
          // the fake serves one tenant; the request was still sent and counted
        }
      }
      assertThat(sleeper.waits()).isEmpty();
      Crm.of(st).customers().query().page(1);
    }
    assertThat(sleeper.waits()).containsExactly(Duration.ofNanos(INTERVAL_60));
  }
}
