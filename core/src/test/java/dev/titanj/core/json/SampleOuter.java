package dev.titanj.core.json;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Holder of nested value types, to test Immutables' naming of nested implementations. */
public final class SampleOuter {
  private SampleOuter() {}

  /** Nested without {@code @Value.Enclosing}: Immutables generates top-level ImmutableNestedLine. */
  @TitanValue
  @Value.Immutable
  public interface NestedLine {
    long id();

    Optional<String> description();

    Map<Long, String> notesById();
  }
}
