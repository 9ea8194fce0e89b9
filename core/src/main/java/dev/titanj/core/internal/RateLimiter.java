package dev.titanj.core.internal;

import dev.titanj.core.RateLimit;
import dev.titanj.core.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The client-side request budget of one client: a token bucket refilled at
 * {@link RateLimit#requestsPerSecond()} that holds a short burst (a tenth of a second's budget,
 * at least one). Thread-safe: callers reserve their slot under a lock and wait for it outside,
 * so concurrent callers are spaced evenly. Runs on the injected clock and sleeper.
 *
 * <p>Kept apart from the interceptor so a distributed implementation (one budget for many
 * processes) can replace it.
 */
final class RateLimiter implements RequestGate {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Clock clock;
  private final Sleeper sleeper;
  private final long intervalNanos;
  private final double burst;
  private final int perSecond;

  // Guarded by this.
  private double storedPermits;
  private long nextFreeNanos;

  private RateLimiter(int perSecond, int burst, Clock clock, Sleeper sleeper) {
    this.perSecond = perSecond;
    this.clock = clock;
    this.sleeper = sleeper;
    this.intervalNanos = NANOS_PER_SECOND / perSecond;
    this.burst = burst;
    this.storedPermits = burst;
    this.nextFreeNanos = nanos(clock.instant());
  }

  /** A limiter for {@code limit}, or null when the limit is {@link RateLimit#unlimited()}. */
  static RateLimiter forLimit(RateLimit limit, Clock clock, Sleeper sleeper) {
    if (!limit.isLimited()) {
      return null;
    }
    int rate = limit.requestsPerSecond();
    return new RateLimiter(rate, Math.max(1, rate / 10), clock, sleeper);
  }

  /** A limiter with an explicit burst size, for tests and tuning. */
  static RateLimiter of(int perSecond, int burst, Clock clock, Sleeper sleeper) {
    if (perSecond < 1 || burst < 1) {
      throw new IllegalArgumentException("perSecond and burst must be positive");
    }
    return new RateLimiter(perSecond, burst, clock, sleeper);
  }

  /** Waits until the next request may be sent. */
  @Override
  public void acquire() throws IOException {
    Duration wait = reserve();
    if (wait.isZero()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("interrupted while rate limited");
      io.initCause(e);
      throw io;
    }
  }

  /** Claims the next slot and returns how long the caller must wait for it. */
  synchronized Duration reserve() {
    long now = nanos(clock.instant());
    if (now > nextFreeNanos) {
      storedPermits = Math.min(burst, storedPermits + (double) (now - nextFreeNanos) / intervalNanos);
      nextFreeNanos = now;
    }
    long slot = nextFreeNanos;
    double fromStore = Math.min(1.0, storedPermits);
    storedPermits -= fromStore;
    nextFreeNanos = slot + (long) ((1.0 - fromStore) * intervalNanos);
    return Duration.ofNanos(Math.max(0, slot - now));
  }

  private static long nanos(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), NANOS_PER_SECOND), i.getNano());
  }

  @Override
  public String toString() {
    return "RateLimiter{" + perSecond + "/s, burst=" + (int) burst + "}";
  }
}
