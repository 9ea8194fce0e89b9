package dev.titanj.core.json;

import java.util.Optional;
import org.immutables.value.Value;

/** With {@code @Value.Enclosing}: Immutables generates ImmutableSampleEnclosing.Item. */
@TitanValue
@Value.Enclosing
public final class SampleEnclosing {
  private SampleEnclosing() {}

  /** An enclosed value type. */
  @TitanValue
  @Value.Immutable
  public interface Item {
    long id();

    Optional<String> code();
  }
}
