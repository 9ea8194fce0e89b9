package dev.titanj.reliability;

import dev.titanj.core.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Sleeper} that records every wait and returns at once. */
final class RecordingSleeper implements Sleeper {
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
  }

  List<Duration> waits() {
    return List.copyOf(waits);
  }

  Duration total() {
    return waits.stream().reduce(Duration.ZERO, Duration::plus);
  }

  void clear() {
    waits.clear();
  }
}
