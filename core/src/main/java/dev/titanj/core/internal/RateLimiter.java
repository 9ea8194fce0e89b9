package dev.titanj.core.internal;

import dev.titanj.core.RateLimit;
import dev.titanj.core.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The client-side request budget of one client. {@link #forLimit} makes a sliding window: at most
 * {@link RateLimit#requestsPerSecond()} requests in any one second (each request's slot is at
 * least one second after the slot of the request {@code rate} places before it), so an idle
 * client may send a second's budget at once and never exceeds the rate in any window.
 * {@link #of} makes a token bucket refilled at the rate that holds an explicit burst,
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
  /** Sliding-window mode: the slots of the last {@code perSecond} reservations; else null. */
  private final long[] window;
  private int head;

  // Guarded by this.
  private double storedPermits;
  private long nextFreeNanos;

  private RateLimiter(int perSecond, int burst, Clock clock, Sleeper sleeper) {
    this(perSecond, burst, clock, sleeper, null);
  }

  private RateLimiter(int perSecond, int burst, Clock clock, Sleeper sleeper, long[] window) {
    this.window = window;
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
    long[] window = new long[rate];
    java.util.Arrays.fill(window, Long.MIN_VALUE / 4); // no request yet: every slot free now
    return new RateLimiter(rate, 0, clock, sleeper, window);
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
    if (window != null) {
      long slot = Math.max(now, window[head] + NANOS_PER_SECOND);
      window[head] = slot;
      head = (head + 1) % window.length;
      return Duration.ofNanos(slot - now);
    }
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
    return window != null ? "RateLimiter{" + perSecond + " per sliding second}"
        : "RateLimiter{" + perSecond + "/s, burst=" + (int) burst + "}";
  }
}
