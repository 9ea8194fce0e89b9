package dev.titanj.core.internal;

import dev.titanj.core.RateLimit;
import dev.titanj.core.Sleeper;
import java.io.IOException;
import java.time.Clock;

/** What every API attempt waits on before it is sent: the client's request budget. */
interface RequestGate {

  /** Waits until the next request may be sent. */
  void acquire() throws IOException;

  /**
   * The gate for {@code limit}: the client's own token bucket, an external budget named {@code
   * key} (with the client's own bucket as fallback), or null when unlimited.
   */
  static RequestGate forLimit(RateLimit limit, String key, Clock clock, Sleeper sleeper) {
    RateLimiter local = RateLimiter.forLimit(limit, clock, sleeper);
    if (local == null || limit.budgetFactory().isEmpty()) {
      return local;
    }
    return new BudgetGate(limit.budgetFactory().get().create(key, clock), local, sleeper);
  }
}
