package dev.titanj.demo.model;

import dev.titanj.core.json.TitanValue;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/** Test-only stand-in for a generated nested value type. */
@TitanValue
@Value.Immutable
public interface Part {
  long id();

  Optional<String> name();

  Optional<BigDecimal> price();
}
