package dev.titanj.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.RateLimit;
import dev.titanj.core.support.ManualClock;
import dev.titanj.core.support.RecordingSleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void unlimited_hasNoLimiter() {
    assertThat(RateLimiter.forLimit(RateLimit.unlimited(), Clock.systemUTC(), d -> { })).isNull();
  }

  @Test
  void burstPassesAtOnce_thenRequestsAreSpacedAtTheRate() throws Exception {
    ManualClock clock = ManualClock.atEpochDay();
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    RateLimiter limiter = RateLimiter.of(10, 3, clock, sleeper);
    Instant start = clock.instant();

    for (int i = 0; i < 4; i++) {
      limiter.acquire();
    }
    assertThat(sleeper.sleeps()).isEmpty();

    limiter.acquire();
    limiter.acquire();
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100));
    assertThat(clock.instant()).isEqualTo(start.plusMillis(200));
  }

  @Test
  void defaultSixtyPerSecond_allowsAboutSixtyRequestsPerSecondSustained() throws Exception {
    ManualClock clock = ManualClock.atEpochDay();
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    RateLimiter limiter = RateLimiter.forLimit(RateLimit.defaults(), clock, sleeper);
    Instant start = clock.instant();

    for (int i = 0; i < 607; i++) {
      limiter.acquire();
    }

    // 60 in each sliding second: request k goes at floor(k / 60) s, so request 607 at 10 s.
    Duration elapsed = Duration.between(start, clock.instant());
    assertThat(elapsed).isBetween(Duration.ofMillis(9_990), Duration.ofMillis(10_000));
  }

  @Test
  void defaultLimit_sendsASecondsBudgetAtOnce_andNeverMoreThan60InAnyOneSecond() throws Exception {
    ManualClock clock = ManualClock.atEpochDay();
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    RateLimiter limiter = RateLimiter.forLimit(RateLimit.defaults(), clock, sleeper);
    List<Instant> sent = new ArrayList<>();

    for (int i = 0; i < 500; i++) {
      if (i % 7 == 0) {
        clock.advance(Duration.ofMillis(37)); // callers arrive unevenly
      }
      limiter.acquire();
      sent.add(clock.instant());
    }

    // the first 60 are not held back beyond the callers' own arrival (no sleep at all)
    assertThat(sleeper.sleeps().stream().filter(d -> !d.isZero()).count())
        .isLessThan(500 - 60);
    assertThat(sent.get(59)).isBefore(sent.get(0).plusSeconds(1));
    for (Instant from : sent) {
      long inWindow = sent.stream()
          .filter(t -> !t.isBefore(from) && t.isBefore(from.plusSeconds(1))).count();
      assertThat(inWindow).isLessThanOrEqualTo(60);
    }
  }

  @Test
  void idleTime_refillsTheBurstButNoMore() throws Exception {
    ManualClock clock = ManualClock.atEpochDay();
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    RateLimiter limiter = RateLimiter.of(10, 3, clock, sleeper);
    for (int i = 0; i < 10; i++) {
      limiter.acquire();
    }
    clock.advance(Duration.ofMinutes(5));
    int before = sleeper.sleeps().size();

    for (int i = 0; i < 4; i++) {
      limiter.acquire();
    }
    assertThat(sleeper.sleeps()).hasSize(before);
    limiter.acquire();
    assertThat(sleeper.sleeps()).hasSize(before + 1);
  }

  @Test
  void concurrentCallers_eachGetADistinctSlot() throws Exception {
    // A frozen clock: every reservation is made at the same instant, so the waits handed out must
    // be exactly 0 (burst) and then 1, 2, 3... intervals, each once.
    Clock frozen = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
    List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    RateLimiter limiter = RateLimiter.of(50, 4, frozen, waits::add);
    int threads = 8;
    int perThread = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        fs.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < perThread; i++) {
            limiter.acquire();
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : fs) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    int total = threads * perThread;
    int free = 4 + 1;
    List<Duration> expected = new ArrayList<>();
    for (int k = 1; k <= total - free; k++) {
      expected.add(Duration.ofMillis(20L * k));
    }
    assertThat(waits).containsExactlyInAnyOrderElementsOf(expected);
  }
}
