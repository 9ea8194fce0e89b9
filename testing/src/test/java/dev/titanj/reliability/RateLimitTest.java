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
    // 121 requests, one budget, frozen clock, whichever threads send them: 60 go in the first
    // second, 60 wait for the next one and the last for the one after.
    List<Duration> expected = new ArrayList<>(java.util.Collections.nCopies(60, Duration.ofSeconds(1)));
    expected.add(Duration.ofSeconds(2));
    assertThat(sleeper.waits()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void limit_isConfigurable() {
    try (ServiceTitan st = client(RateLimit.perSecond(10))) {
      for (int i = 0; i < 13; i++) {
        Crm.of(st).customers().query().page(1);
      }
    }
    // 10 in the first second, then three that wait for the next one.
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1),
        Duration.ofSeconds(1));
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
  void budget_refillsWithTheClock_butNeverBeyondOneSecondsWorth() {
    try (ServiceTitan st = client(RateLimit.defaults())) {
      for (int i = 0; i < 60; i++) {
        Crm.of(st).customers().query().page(1);
      }
      assertThat(sleeper.waits()).isEmpty();
      clock.advance(Duration.ofSeconds(10)); // idle for 10 s: still one second's budget, 60
      for (int i = 0; i < 61; i++) {
        Crm.of(st).customers().query().page(1);
      }
    }
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void clientForAnotherTenant_hasABudgetOfItsOwn() {
    try (ServiceTitan st = client(RateLimit.defaults())) {
      for (int i = 0; i < 60; i++) {
        Crm.of(st).customers().query().page(1);
      }
      ServiceTitan other = st.withTenant(fake.tenantId() + 1, fake.clientId(),
          FakeServiceTitan.DEFAULT_CLIENT_SECRET);
      for (int i = 0; i < 60; i++) {
        try {
          Crm.of(other).customers().query().page(1);
        } catch (ForbiddenException expected) {
          // the fake serves one tenant; the request was still sent and counted
        }
      }
      assertThat(sleeper.waits()).isEmpty();
      Crm.of(st).customers().query().page(1);
    }
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
  }
}
