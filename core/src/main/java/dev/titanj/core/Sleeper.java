package dev.titanj.core;

import java.time.Duration;

/** Waits between retries. Injectable so tests advance a clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** Blocks for {@code duration}; throws if interrupted. */
  void sleep(Duration duration) throws InterruptedException;

  /** Really sleeps, with {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis());
  }
}
