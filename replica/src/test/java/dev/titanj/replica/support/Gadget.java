package dev.titanj.replica.support;

import dev.titanj.core.json.TitanValue;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** The record of {@link GadgetModule#GADGETS}, a resource with a list and no export feed. */
@TitanValue
@Value.Immutable
public interface Gadget {
  long id();

  Optional<String> name();

  Optional<Boolean> active();

  Optional<Instant> modifiedOn();
}
