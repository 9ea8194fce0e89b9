package dev.titanj.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Query-string forms of filter values, shared by {@link ListQuery} and the filter mixins. */
final class QueryValues {
  private static final DateTimeFormatter UTC_ISO =
      DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

  private QueryValues() {}

  /** {@code value} in UTC ISO-8601; null is an {@link IllegalArgumentException} naming the filter. */
  static String instant(String name, Instant value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return UTC_ISO.format(value);
  }
}
