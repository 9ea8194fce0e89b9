package dev.titanj.core.json;

import java.util.Optional;
import org.immutables.value.Value;

/** A record read from responses (tolerant) that requests also send. */
@TitanValue
@Value.Immutable
public interface SampleSharedAddress {
  @RequiredInRequests
  Optional<String> street();

  @RequiredInRequests
  Optional<String> city();

  Optional<String> unit();

  static ImmutableSampleSharedAddress.Builder builder() {
    return ImmutableSampleSharedAddress.builder();
  }
}
