package dev.titanj.demo.model;

import dev.titanj.core.json.TitanValue;
import dev.titanj.core.json.WireEnums;
import dev.titanj.core.json.WireName;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/** Test-only stand-in for a generated response type, shaped like codegen's output. */
@TitanValue
@Value.Immutable
public interface Widget {
  long id();

  Optional<String> name();

  @WireName("kind")
  Optional<String> kindAsString();

  default Optional<Kind> kind() {
    return kindAsString().map(s -> WireEnums.fromWire(Kind.class, s));
  }

  Optional<Part> mainPart();

  List<Part> parts();

  List<String> tags();

  Optional<UUID> externalId();

  Optional<Boolean> active();

  Optional<Instant> createdOn();

  Optional<Instant> modifiedOn();
}
