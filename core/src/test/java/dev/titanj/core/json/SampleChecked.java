package dev.titanj.core.json;

import org.immutables.value.Value;

/** A value type with an invariant checked by Immutables when it is built. */
@TitanValue
@Value.Immutable
public interface SampleChecked {
  int from();

  int to();

  /** Immutables calls this from {@code build()}. */
  @Value.Check
  default void check() {
    if (to() < from()) {
      throw new IllegalStateException("to must not be before from");
    }
  }
}
