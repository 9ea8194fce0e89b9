package dev.titanj.core.json;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Looks up {@link WireEnum} constants by their wire value. Unknown values map to the enum's
 * {@code UNKNOWN} constant, never to an exception; generated value types use it to expose an
 * enum view of a raw-string field.
 */
public final class WireEnums {
  private static final ClassValue<Table<?>> TABLES = new ClassValue<>() {
    @Override
    protected Table<?> computeValue(Class<?> type) {
      return Table.of(type);
    }
  };

  private WireEnums() {}

  /**
   * The constant of {@code type} whose {@link WireEnum#wireValue()} is {@code raw}.
   *
   * <p>Matching is exact first, then case-insensitive. When several constants share a wire
   * value the first declared one wins. An unknown value gives {@code UNKNOWN}; {@code null}
   * gives {@code null}.
   *
   * @throws IllegalArgumentException if {@code type} declares no {@code UNKNOWN} constant
   */
  public static <E extends Enum<E> & WireEnum> E fromWire(Class<E> type, String raw) {
    if (type == null) {
      throw new IllegalArgumentException("type == null");
    }
    @SuppressWarnings("unchecked")
    Table<E> table = (Table<E>) TABLES.get(type);
    return table.lookup(raw);
  }

  /** The cached lookup table of a WireEnum class; fails fast on a malformed enum. */
  static Table<?> table(Class<?> enumType) {
    return TABLES.get(enumType);
  }

  /** Wire value to constant, exact and case-folded, with the UNKNOWN fallback. */
  static final class Table<E extends Enum<E>> {
    private final Map<String, E> exact;
    private final Map<String, E> folded;
    private final E unknown;

    private Table(Map<String, E> exact, Map<String, E> folded, E unknown) {
      this.exact = exact;
      this.folded = folded;
      this.unknown = unknown;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Table<?> of(Class<?> type) {
      if (!type.isEnum() || !WireEnum.class.isAssignableFrom(type)) {
        throw new IllegalArgumentException(
            type.getName() + " is not an enum implementing WireEnum");
      }
      Enum<?> unknown;
      try {
        unknown = Enum.valueOf((Class) type, "UNKNOWN");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            type.getName() + " implements WireEnum but declares no UNKNOWN constant", e);
      }
      Map<String, Enum<?>> exact = new HashMap<>();
      Map<String, Enum<?>> folded = new HashMap<>();
      for (Object constant : type.getEnumConstants()) {
        if (constant == unknown) {
          continue;
        }
        String wire = ((WireEnum) constant).wireValue();
        if (wire == null) {
          continue;
        }
        exact.putIfAbsent(wire, (Enum<?>) constant);
        folded.putIfAbsent(wire.toLowerCase(Locale.ROOT), (Enum<?>) constant);
      }
      return new Table(exact, folded, unknown);
    }

    E lookup(String raw) {
      if (raw == null) {
        return null;
      }
      E e = exact.get(raw);
      if (e != null) {
        return e;
      }
      e = folded.get(raw.toLowerCase(Locale.ROOT));
      return e != null ? e : unknown;
    }

    E unknown() {
      return unknown;
    }
  }
}
