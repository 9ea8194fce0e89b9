package dev.titanj.core.json;

import java.util.Optional;
import org.immutables.value.Value;

/** A nested response value type for tests. */
@TitanValue
@Value.Immutable
public interface SampleAddress {
  Optional<String> street();

  Optional<String> city();

  @WireName("zip-code")
  Optional<String> zip();
}
