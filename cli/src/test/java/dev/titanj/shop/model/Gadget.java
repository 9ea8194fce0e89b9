package dev.titanj.shop.model;

import dev.titanj.core.json.TitanValue;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** The record of the hand-written test module, a TitanJ value type like generated ones. */
@TitanValue
@Value.Immutable
public interface Gadget {
  long id();

  Optional<String> name();

  Optional<Boolean> active();

  Optional<Instant> modifiedOn();
}
