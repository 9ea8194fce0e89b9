package dev.titanj.core.internal;

import dev.titanj.core.RateLimit;
import dev.titanj.core.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits on an external (usually cluster-wide) {@link RateLimit.Budget}. When the budget fails,
 * the request waits on the client's own bucket at the same rate instead, so an unreachable
 * cluster slows nothing down beyond one instance's share and fails no call.
 */
final class BudgetGate implements RequestGate {
  private static final Logger log = LoggerFactory.getLogger("dev.titanj.http");

  private final RateLimit.Budget budget;
  private final RateLimiter fallback;
  private final Sleeper sleeper;
  private final AtomicBoolean degraded = new AtomicBoolean();

  BudgetGate(RateLimit.Budget budget, RateLimiter fallback, Sleeper sleeper) {
    this.budget = budget;
    this.fallback = fallback;
    this.sleeper = sleeper;
  }

  @Override
  public void acquire() throws IOException {
    Duration wait = reserve();
    if (wait.isZero() || wait.isNegative()) {
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

  /** Reserves from the shared budget, or from the fallback when the budget fails. */
  Duration reserve() {
    try {
      Duration wait = budget.reserve();
      if (degraded.compareAndSet(true, false)) {
        log.info("shared rate limit reachable again");
      }
      return wait == null ? Duration.ZERO : wait;
    } catch (RuntimeException e) {
      if (degraded.compareAndSet(false, true)) {
        log.warn("shared rate limit unavailable ({}); this instance limits itself alone to {} "
            + "until it is back", e.getClass().getName(), fallback);
      }
      return fallback.reserve();
    }
  }

  @Override
  public String toString() {
    return "BudgetGate{" + budget + "}";
  }
}
