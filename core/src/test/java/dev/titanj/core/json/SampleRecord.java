package dev.titanj.core.json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A record as read from the API, the source of change-based updates. */
@TitanValue
@Value.Immutable
public interface SampleRecord {
  long id();

  Optional<String> name();

  Optional<LocalDate> dueDate();

  Optional<Long> typeId();

  List<Long> tagTypeIds();

  Optional<Instant> modifiedOn();

  Optional<SampleSharedAddress> address();

  static ImmutableSampleRecord.Builder builder() {
    return ImmutableSampleRecord.builder();
  }
}
