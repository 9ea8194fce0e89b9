package dev.titanj.core.json;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.immutables.value.Value;

/** A request value type: strict builder, enums used directly, a redacted secret. */
@TitanValue
@Value.Immutable
public interface SampleCreateRequest {
  String name();

  SampleContactType type();

  @Value.Redacted
  String password();

  int priority();

  boolean doNotMail();

  double score();

  Optional<UUID> externalId();

  Optional<List<String>> replaceTags();

  Set<SampleContactType> channels();

  @WireName("default")
  Optional<Boolean> isDefault();
}
