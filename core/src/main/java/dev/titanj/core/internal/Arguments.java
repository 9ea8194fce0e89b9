package dev.titanj.core.internal;

import dev.titanj.core.json.WireEnum;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Argument checks and wire conversions shared by the generated repositories of every module.
 * Checks run before any network call and fail with an {@link IllegalArgumentException} that names
 * the argument. Not a user API.
 */
public final class Arguments {
  private Arguments() {
  }

  /** Returns {@code value}, or throws when it is zero or negative. */
  public static long positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  /** Returns {@code value}, or throws when it is null. */
  public static <T> T notNull(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  /** The varargs {@code values} as a list; null elements are left for the caller's checks. */
  @SafeVarargs
  public static <T> List<T> list(String name, T... values) {
    notNull(name, values);
    return java.util.Arrays.asList(values);
  }

  /** Returns {@code value}, or throws when it is null, empty or only white space. */
  public static String notBlank(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /**
   * The query-string form of a value; null stays null.
   */
  public static String wire(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof WireEnum) {
      String w = ((WireEnum) value).wireValue();
      if (w.isEmpty()) {
        throw new IllegalArgumentException("cannot send the UNKNOWN constant " + value);
      }
      return w;
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    return value.toString();
  }

  /**
   * Each value in query-string form; null stays null.
   */
  public static List<String> wireAll(Collection<?> values) {
    if (values == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Object v : values) {
      out.add(wire(notNull("value", v)));
    }
    return out;
  }
}
