package dev.titanj.core;

import java.time.Duration;

/** Waits between retries. Injectable so tests advance a clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** Blocks for {@code duration}; throws if interrupted. */
  void sleep(Duration duration) throws InterruptedException;

  /** Really sleeps, with {@link Thread#sleep(long, int)}. */
  static Sleeper system() {
    return d -> {
      if (!d.isNegative() && !d.isZero()) {
        Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
      }
    };
  }
}
