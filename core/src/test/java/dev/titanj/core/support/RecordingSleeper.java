package dev.titanj.core.support;

import dev.titanj.core.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A sleeper that never sleeps: it records each wait and, if given a clock, advances it. */
public final class RecordingSleeper implements Sleeper {
  private final ManualClock clock;
  private final List<Duration> sleeps = new ArrayList<>();

  public RecordingSleeper(ManualClock clock) {
    this.clock = clock;
  }

  public RecordingSleeper() {
    this(null);
  }

  @Override
  public void sleep(Duration duration) {
    synchronized (sleeps) {
      sleeps.add(duration);
    }
    if (clock != null) {
      clock.advance(duration);
    }
  }

  public List<Duration> sleeps() {
    synchronized (sleeps) {
      return List.copyOf(sleeps);
    }
  }

  public Duration total() {
    return sleeps().stream().reduce(Duration.ZERO, Duration::plus);
  }
}
