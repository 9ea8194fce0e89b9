package dev.titanj.cli.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The Ctrl-C hook of a long-running command: on shutdown it asks the command's
 * {@link StopSignal} to stop and waits up to 30 s for the command to {@link #release()} it, so the
 * command can leave its files and state consistent before the JVM halts.
 */
public final class CtrlC {
  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook;

  private CtrlC(Thread hook) {
    this.hook = hook;
  }

  /** Installs the hook (named {@code name}) when {@code install}; else a no-op. */
  public static CtrlC install(StopSignal stop, boolean install, String name) {
    CountDownLatch[] latch = new CountDownLatch[1];
    CtrlC c = new CtrlC(install ? new Thread(() -> {
      stop.requestStop();
      try {
        latch[0].await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, name) : null);
    latch[0] = c.done;
    if (c.hook != null) {
      Runtime.getRuntime().addShutdownHook(c.hook);
    }
    return c;
  }

  /** The command is done: a running hook may return (the JVM then halts); else it is removed. */
  public void release() {
    done.countDown();
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it waited for done
      }
    }
  }
}
