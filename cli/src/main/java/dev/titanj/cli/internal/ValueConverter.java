package dev.titanj.cli.internal;

import dev.titanj.core.json.WireEnum;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Converts command-line text to the Java type a query method or {@code findById} takes: strings,
 * numbers, booleans, {@link Instant} (ISO instant, local date-time in UTC, or a plain date meaning
 * midnight UTC), {@link LocalDate}, UUIDs, enums by wire value or constant name, and
 * comma-separated collections or arrays of those.
 */
public final class ValueConverter {
  private ValueConverter() {}

  /** The value could not be converted; the message says what was expected. */
  public static final class ConversionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConversionException(String expected) {
      super(expected);
    }
  }

  /** Whether {@code type} is something this converter can produce. */
  public static boolean supports(Type type) {
    Class<?> raw = rawType(type);
    if (raw.isArray()) {
      return supports(raw.getComponentType());
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return supports(elementType(type));
    }
    return raw == String.class || raw == CharSequence.class || raw == long.class
        || raw == Long.class || raw == int.class || raw == Integer.class || raw == double.class
        || raw == Double.class || raw == boolean.class || raw == Boolean.class
        || raw == BigDecimal.class || raw == Instant.class || raw == LocalDate.class
        || raw == OffsetDateTime.class || raw == UUID.class || raw == Duration.class
        || raw.isEnum();
  }

  /**
   * Converts {@code text} to {@code type}.
   *
   * @throws ConversionException saying what kind of value was expected
   */
  public static Object convert(String text, Type type) {
    Class<?> raw = rawType(type);
    String s = text.trim();
    if (raw.isArray()) {
      List<String> parts = split(s);
      Object array = Array.newInstance(raw.getComponentType(), parts.size());
      for (int i = 0; i < parts.size(); i++) {
        Array.set(array, i, convert(parts.get(i), raw.getComponentType()));
      }
      return array;
    }
    if (Collection.class.isAssignableFrom(raw)) {
      Type element = elementType(type);
      Collection<Object> out = Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
      for (String part : split(s)) {
        out.add(convert(part, element));
      }
      return out;
    }
    if (raw == String.class || raw == CharSequence.class) {
      return text;
    }
    try {
      if (raw == long.class || raw == Long.class) {
        return Long.parseLong(s);
      }
      if (raw == int.class || raw == Integer.class) {
        return Integer.parseInt(s);
      }
      if (raw == double.class || raw == Double.class) {
        return Double.parseDouble(s);
      }
      if (raw == BigDecimal.class) {
        return new BigDecimal(s);
      }
    } catch (NumberFormatException e) {
      throw new ConversionException("a number" + (raw == long.class || raw == Long.class
          || raw == int.class || raw == Integer.class ? " (whole)" : ""));
    }
    if (raw == boolean.class || raw == Boolean.class) {
      switch (s.toLowerCase(Locale.ROOT)) {
        case "true": case "yes": case "1": return Boolean.TRUE;
        case "false": case "no": case "0": return Boolean.FALSE;
        default: throw new ConversionException("true or false");
      }
    }
    if (raw == Instant.class) {
      return toInstant(s);
    }
    if (raw == OffsetDateTime.class) {
      return toInstant(s).atOffset(ZoneOffset.UTC);
    }
    if (raw == LocalDate.class) {
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw new ConversionException("a date like 2025-01-31");
      }
    }
    if (raw == UUID.class) {
      try {
        return UUID.fromString(s);
      } catch (IllegalArgumentException e) {
        throw new ConversionException("a UUID like 3f2b8c4e-0000-4000-8000-000000000000");
      }
    }
    if (raw == Duration.class) {
      try {
        return s.startsWith("P") || s.startsWith("p") ? Duration.parse(s) : parseClock(s);
      } catch (RuntimeException e) {
        throw new ConversionException("a duration like 02:00:00 or PT2H");
      }
    }
    if (raw.isEnum()) {
      return toEnum(s, raw);
    }
    throw new ConversionException("a value of an unsupported type " + raw.getSimpleName());
  }

  private static Duration parseClock(String s) {
    String[] p = s.split(":");
    if (p.length != 3) {
      throw new IllegalArgumentException(s);
    }
    return Duration.ofHours(Long.parseLong(p[0])).plusMinutes(Long.parseLong(p[1]))
        .plusSeconds(Long.parseLong(p[2]));
  }

  private static Instant toInstant(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException ignored) {
      // try the friendlier forms below
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException ignored) {
      // next
    }
    try {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // next
    }
    try {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new ConversionException("a date-time like 2025-01-31T00:00:00Z or a date like 2025-01-31");
    }
  }

  private static Object toEnum(String s, Class<?> raw) {
    Object[] constants = raw.getEnumConstants();
    for (Object c : constants) {
      if (c instanceof WireEnum && !isUnknown(c) && ((WireEnum) c).wireValue().equalsIgnoreCase(s)) {
        return c;
      }
    }
    String asName = s.replace('-', '_').replace(' ', '_');
    for (Object c : constants) {
      if (!isUnknown(c) && ((Enum<?>) c).name().equalsIgnoreCase(asName)) {
        return c;
      }
    }
    throw new ConversionException("one of " + enumValues(raw));
  }

  /** The values an enum accepts on the command line, wire values where the enum has them. */
  public static String enumValues(Class<?> raw) {
    List<String> names = new ArrayList<>();
    for (Object c : raw.getEnumConstants()) {
      if (!isUnknown(c)) {
        names.add(c instanceof WireEnum ? ((WireEnum) c).wireValue() : ((Enum<?>) c).name());
      }
    }
    return names.stream().collect(Collectors.joining(", "));
  }

  private static boolean isUnknown(Object c) {
    return ((Enum<?>) c).name().equals("UNKNOWN");
  }

  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    for (String p : s.split(",")) {
      if (!p.isBlank()) {
        out.add(p.trim());
      }
    }
    if (out.isEmpty()) {
      throw new ConversionException("a comma-separated list with at least one value");
    }
    return out;
  }

  /** A short, human description of {@code type} for help texts: {@code date-time}, {@code list of number}. */
  public static String describe(Type type) {
    Class<?> raw = rawType(type);
    if (raw.isArray()) {
      return "list of " + describe(raw.getComponentType());
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return "list of " + describe(elementType(type));
    }
    if (raw == Instant.class || raw == OffsetDateTime.class) {
      return "date-time";
    }
    if (raw == LocalDate.class) {
      return "date";
    }
    if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class
        || raw == double.class || raw == Double.class || raw == BigDecimal.class) {
      return "number";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return "true|false";
    }
    if (raw.isEnum()) {
      return enumValues(raw).replace(", ", "|");
    }
    return raw.getSimpleName().toLowerCase(Locale.ROOT);
  }

  static Class<?> rawType(Type type) {
    if (type instanceof Class) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType) {
      return (Class<?>) ((ParameterizedType) type).getRawType();
    }
    if (type instanceof GenericArrayType) {
      return Array.newInstance(rawType(((GenericArrayType) type).getGenericComponentType()), 0).getClass();
    }
    if (type instanceof WildcardType) {
      return rawType(((WildcardType) type).getUpperBounds()[0]);
    }
    return Object.class;
  }

  private static Type elementType(Type collectionType) {
    if (collectionType instanceof ParameterizedType) {
      Type arg = ((ParameterizedType) collectionType).getActualTypeArguments()[0];
      return arg instanceof WildcardType ? ((WildcardType) arg).getUpperBounds()[0] : arg;
    }
    return String.class;
  }
}
