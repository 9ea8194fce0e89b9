package dev.titanj.core.json;

import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/** A GUID-keyed value type whose id comes from a generic supertype. */
@TitanValue
@Value.Immutable
public interface SampleJournalEntry extends SampleIdentified<UUID> {
  Optional<String> memo();
}
