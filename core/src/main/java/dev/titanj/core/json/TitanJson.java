package dev.titanj.core.json;

import com.squareup.moshi.Moshi;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The one JSON codec of TitanJ: Moshi with adapters for ServiceTitan's wire types and for
 * {@link TitanValue} value types.
 *
 * <p>Besides Moshi's built-in adapters (and its reflective adapter for plain classes with
 * fields) it reads and writes:
 * <ul>
 *   <li>{@link Instant}: ISO-8601 with 0-9 fraction digits and {@code Z}, an offset or no zone
 *       (UTC); written as {@code 2025-01-02T03:04:05Z}.
 *   <li>{@link LocalDate}: {@code 2025-01-02} (the date part of a date-time is accepted).
 *   <li>{@link BigDecimal}: exact, from a JSON number or string; written as a plain number.
 *   <li>{@link Duration}: .NET TimeSpan strings such as {@code "1.02:03:04"}.
 *   <li>{@link UUID}; {@code Optional}, {@code OptionalLong}, {@code OptionalInt},
 *       {@code OptionalDouble} (null reads as empty, empty is omitted).
 *   <li>{@link WireEnum} enums by wire value, unknown values as {@code UNKNOWN}.
 *   <li>{@link TitanValue} types: those of an installed module through the adapters codegen
 *       wrote for them ({@link dev.titanj.core.spi.TitanModule#jsonAdapters()}), with no
 *       reflection; any other (hand-written) one reflectively, through its Immutables builder.
 * </ul>
 * Blank strings read as null for the date, decimal, time-span and GUID types.
 */
public final class TitanJson {
  private static final Moshi MOSHI = scalars()
      .add(new ModuleAdapterFactory())
      .add(new ValueTypeAdapterFactory())
      .build();

  private TitanJson() {}

  /** Moshi with the wire scalars, {@code Optional}s and {@link WireEnum}s. */
  private static Moshi.Builder scalars() {
    return new Moshi.Builder()
        .add(Instant.class, new ScalarAdapters.InstantAdapter())
        .add(LocalDate.class, new ScalarAdapters.LocalDateAdapter())
        .add(BigDecimal.class, new ScalarAdapters.BigDecimalAdapter())
        .add(Duration.class, new ScalarAdapters.DurationAdapter())
        .add(UUID.class, new ScalarAdapters.UuidAdapter())
        .add(new OptionalAdapterFactory())
        .add(new WireEnumAdapterFactory());
  }

  /**
   * The same codec without the modules' generated adapters: every value type is read and written
   * by the reflective adapter. For the tests that hold the generated adapters to it.
   */
  static Moshi reflective() {
    return Reflective.MOSHI;
  }

  private static final class Reflective {
    static final Moshi MOSHI = scalars().add(new ValueTypeAdapterFactory()).build();
  }

  /** The shared, thread-safe Moshi instance. */
  public static Moshi moshi() {
    return MOSHI;
  }
}
