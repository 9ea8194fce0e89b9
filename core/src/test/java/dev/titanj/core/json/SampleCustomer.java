package dev.titanj.core.json;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** A response value type shaped like the generated ones: only the id is required. */
@TitanValue
@Value.Immutable
public interface SampleCustomer {
  long id();

  Optional<String> name();

  Optional<Boolean> active();

  Optional<BigDecimal> balance();

  Optional<Instant> createdOn();

  Optional<LocalDate> memberSince();

  Optional<Duration> arrivalWindow();

  OptionalLong businessUnitId();

  @WireName("type")
  Optional<String> typeAsString();

  /** Derived, not an attribute: never read from or written to JSON. */
  default Optional<SampleContactType> type() {
    return typeAsString().map(s -> WireEnums.fromWire(SampleContactType.class, s));
  }

  Optional<SampleAddress> address();

  List<SampleAddress> locations();

  List<Long> tagTypeIds();

  Map<String, List<String>> customFields();
}
