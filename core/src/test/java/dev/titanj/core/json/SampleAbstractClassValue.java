package dev.titanj.core.json;

import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/** A value type declared as an abstract class with a GUID id and a derived method. */
@TitanValue
@Value.Immutable
public abstract class SampleAbstractClassValue {
  public abstract UUID id();

  public abstract Optional<String> label();

  /** Concrete, so not an attribute. */
  public String display() {
    return id() + label().map(l -> " " + l).orElse("");
  }
}
