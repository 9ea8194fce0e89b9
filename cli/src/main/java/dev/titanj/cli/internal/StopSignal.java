package dev.titanj.cli.internal;

import java.util.concurrent.CountDownLatch;

/**
 * Asks a long-running command (an export, the sandbox) to stop; set by the Ctrl-C shutdown hook.
 * Tests subclass it to stop at a chosen record.
 */
public class StopSignal {
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Asks the command to stop. */
  public void requestStop() {
    stopped.countDown();
  }

  /** Whether a stop was requested. */
  public boolean isStopped() {
    return stopped.getCount() == 0;
  }

  /** Blocks until a stop is requested. */
  public void await() throws InterruptedException {
    stopped.await();
  }

  /** Called after each record an export writes; does nothing by default. */
  public void recordWritten(long total) {}
}
