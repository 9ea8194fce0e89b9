package dev.titanj.core.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okio.BufferedSink;

/**
 * Adapters for the platform types ServiceTitan sends: instants, dates, decimals, time spans and
 * GUIDs.
 */
final class ScalarAdapters {
  private ScalarAdapters() {}

  /** Reads a string value; blank strings read as null. */
  private static String string(JsonReader reader, String what) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token != JsonReader.Token.STRING && token != JsonReader.Token.NUMBER) {
      throw new JsonDataException("Expected " + what + " but was " + token + " at path "
          + reader.getPath());
    }
    String s = reader.nextString();
    return s.isBlank() ? null : s.trim();
  }

  private static JsonDataException invalid(JsonReader reader, String what, String value,
      Exception cause) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    JsonDataException e = new JsonDataException("Expected " + what + " but was \"" + shown
        + "\" at path " + pathOfConsumedValue(reader.getPath()));
    e.initCause(cause);
    return e;
  }

  /**
   * The path of the value just consumed. Moshi advances an array index as soon as an element is
   * read, so {@code $.data[4]} after reading element 3 is turned back into {@code $.data[3]};
   * object paths still name the field and are kept.
   */
  static String pathOfConsumedValue(String path) {
    if (!path.endsWith("]")) {
      return path;
    }
    int open = path.lastIndexOf('[');
    try {
      int index = Integer.parseInt(path.substring(open + 1, path.length() - 1));
      return index > 0 ? path.substring(0, open + 1) + (index - 1) + "]" : path;
    } catch (NumberFormatException e) {
      return path;
    }
  }

  /**
   * A platform type sent as a JSON string (or number): null and blank read as null, a value that
   * does not parse fails naming what was expected and the JSON path. Subclasses supply the parse
   * and the written form.
   */
  abstract static class TextAdapter<T> extends JsonAdapter<T> {
    private final String expected;
    private final String typeName;

    TextAdapter(String expected, String typeName) {
      this.expected = expected;
      this.typeName = typeName;
    }

    /** Parses a non-blank, trimmed value; throws one of the exceptions {@link #fromJson} maps. */
    abstract T parse(String text);

    /** The string written for {@code value}. */
    abstract String format(T value);

    @Override
    public final T fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        return reader.nextNull();
      }
      String s = string(reader, expected);
      if (s == null) {
        return null;
      }
      try {
        return parse(s);
      } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
        throw invalid(reader, expected, s, e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, T value) throws IOException {
      if (value == null) {
        writer.nullValue();
      } else {
        writer.value(format(value));
      }
    }

    @Override
    public String toString() {
      return "JsonAdapter(" + typeName + ")";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Instant

  /** ISO-8601 instants: 0-9 fraction digits, Z or an offset, or no zone (read as UTC). */
  static final class InstantAdapter extends TextAdapter<Instant> {
    InstantAdapter() {
      super("an ISO-8601 date-time", "Instant");
    }

    @Override
    Instant parse(String text) {
      return parseInstant(text);
    }

    @Override
    String format(Instant value) {
      return value.toString();
    }
  }

  /**
   * Parses an ISO-8601 instant. The common shape {@code yyyy-MM-ddTHH:mm:ss[.f][zone]} is parsed by
   * hand (a page holds thousands of them); anything else goes through {@code java.time}.
   */
  static Instant parseInstant(String s) {
    Instant fast = parseInstantFast(s);
    return fast != null ? fast : parseInstantSlow(s);
  }

  private static Instant parseInstantSlow(String s) {
    if (s.length() == 10) {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(
        s.replace(' ', 'T'), ZonedDateTime::from, LocalDateTime::from);
    if (t instanceof ZonedDateTime) {
      return ((ZonedDateTime) t).toInstant();
    }
    return ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
  }

  /** The fast path; null when the text is not in the common shape (the slow path decides). */
  static Instant parseInstantFast(String s) {
    int len = s.length();
    if (len < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    char t = s.charAt(10);
    if (t != 'T' && t != 't' && t != ' ') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0
        || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59
        || second > 59) {
      return null;
    }
    int pos = 19;
    int nanos = 0;
    if (pos < len && s.charAt(pos) == '.') {
      pos++;
      int start = pos;
      while (pos < len && pos - start < 9 && isDigit(s.charAt(pos))) {
        nanos = nanos * 10 + (s.charAt(pos) - '0');
        pos++;
      }
      int n = pos - start;
      if (n == 0 || (pos < len && isDigit(s.charAt(pos)))) {
        return null;
      }
      for (; n < 9; n++) {
        nanos *= 10;
      }
    }
    int offsetSeconds = 0;
    if (pos < len) {
      char z = s.charAt(pos);
      if (z == 'Z' || z == 'z') {
        if (pos + 1 != len) {
          return null;
        }
      } else if (z == '+' || z == '-') {
        int rest = len - pos - 1;
        int oh;
        int om = 0;
        if (rest == 2) {
          oh = digits(s, pos + 1, 2);
        } else if (rest == 4) {
          oh = digits(s, pos + 1, 2);
          om = digits(s, pos + 3, 2);
        } else if (rest == 5 && s.charAt(pos + 3) == ':') {
          oh = digits(s, pos + 1, 2);
          om = digits(s, pos + 4, 2);
        } else {
          return null;
        }
        if (oh < 0 || om < 0 || oh > 18 || om > 59) {
          return null;
        }
        offsetSeconds = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
      } else {
        return null;
      }
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null; // such as February 30th: let java.time report it
    }
    long epochSecond = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The decimal value of {@code count} digits at {@code from}, or -1 if any is not a digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  // ---------------------------------------------------------------------------------------------
  // LocalDate

  /** ISO dates {@code 2025-01-02}; a date-time string is read by its date part. */
  static final class LocalDateAdapter extends TextAdapter<LocalDate> {
    LocalDateAdapter() {
      super("an ISO-8601 date", "LocalDate");
    }

    @Override
    LocalDate parse(String text) {
      return parseLocalDate(text);
    }

    @Override
    String format(LocalDate value) {
      return value.toString();
    }
  }

  static LocalDate parseLocalDate(String s) {
    if (s.length() > 10 && (s.charAt(10) == 'T' || s.charAt(10) == 't' || s.charAt(10) == ' ')) {
      s = s.substring(0, 10);
    }
    return LocalDate.parse(s);
  }

  // ---------------------------------------------------------------------------------------------
  // BigDecimal

  /**
   * Exact decimals from JSON numbers or strings ({@code 12.30} and {@code "12.30"} both keep scale
   * 2); written as a plain JSON number.
   */
  static final class BigDecimalAdapter extends TextAdapter<BigDecimal> {
    BigDecimalAdapter() {
      super("a decimal number", "BigDecimal");
    }

    @Override
    BigDecimal parse(String text) {
      return new BigDecimal(text);
    }

    @Override
    String format(BigDecimal value) {
      return value.toPlainString();
    }

    /** Written as a JSON number, never in exponent form. */
    @Override
    public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
      if (value == null) {
        writer.nullValue();
        return;
      }
      String text = value.toString();
      if (text.indexOf('E') < 0) {
        writer.value(value);
      } else {
        try (BufferedSink sink = writer.valueSink()) {
          sink.writeUtf8(value.toPlainString());
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Duration (.NET TimeSpan)

  private static final Pattern TIME_SPAN = Pattern.compile(
      "([-+])?(?:(\\d+)[.])?(\\d+):(\\d+)(?::(\\d+)(?:[.](\\d{1,9}))?)?");
  private static final Pattern DAYS_ONLY = Pattern.compile("([-+])?(\\d+)");

  /**
   * .NET TimeSpan strings: {@code "02:00:00"}, {@code "09:00"}, {@code "1.02:03:04"},
   * {@code "00:00:30.5000000"}, a leading {@code -}, a bare day count, or ISO-8601 {@code PT2H}.
   * Written as {@code [-][d.]hh:mm:ss[.fffffff]}.
   */
  static final class DurationAdapter extends TextAdapter<Duration> {
    DurationAdapter() {
      super("a time span such as \"02:00:00\"", "Duration");
    }

    @Override
    Duration parse(String text) {
      return parseTimeSpan(text);
    }

    @Override
    String format(Duration value) {
      return formatTimeSpan(value);
    }
  }

  static Duration parseTimeSpan(String s) {
    Matcher m = TIME_SPAN.matcher(s);
    if (m.matches()) {
      long days = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
      long hours = Long.parseLong(m.group(3));
      long minutes = Long.parseLong(m.group(4));
      long seconds = m.group(5) == null ? 0 : Long.parseLong(m.group(5));
      if (minutes > 59 || seconds > 59 || (m.group(2) != null && hours > 23)) {
        throw new DateTimeException("Time span field out of range: " + s);
      }
      long nanos = 0;
      if (m.group(6) != null) {
        String f = m.group(6);
        nanos = Long.parseLong(f);
        for (int i = f.length(); i < 9; i++) {
          nanos *= 10;
        }
      }
      Duration d = Duration.ofDays(days).plusHours(hours).plusMinutes(minutes)
          .plusSeconds(seconds).plusNanos(nanos);
      return "-".equals(m.group(1)) ? d.negated() : d;
    }
    Matcher daysOnly = DAYS_ONLY.matcher(s);
    if (daysOnly.matches()) {
      Duration d = Duration.ofDays(Long.parseLong(daysOnly.group(2)));
      return "-".equals(daysOnly.group(1)) ? d.negated() : d;
    }
    if (s.startsWith("P") || s.startsWith("-P") || s.startsWith("+P")) {
      return Duration.parse(s);
    }
    throw new DateTimeException("Not a time span: " + s);
  }

  /** {@code [-][d.]hh:mm:ss[.fffffff]}, .NET's constant ("c") TimeSpan format. */
  static String formatTimeSpan(Duration value) {
    StringBuilder out = new StringBuilder(16);
    Duration d = value;
    if (d.isNegative()) {
      out.append('-');
      d = d.negated();
    }
    long seconds = d.getSeconds();
    long days = seconds / 86_400;
    if (days > 0) {
      out.append(days).append('.');
    }
    two(out, (seconds / 3600) % 24).append(':');
    two(out, (seconds / 60) % 60).append(':');
    two(out, seconds % 60);
    int ticks = d.getNano() / 100;
    if (ticks > 0) {
      String f = Integer.toString(ticks);
      out.append('.');
      for (int i = f.length(); i < 7; i++) {
        out.append('0');
      }
      out.append(f);
    }
    return out.toString();
  }

  private static StringBuilder two(StringBuilder out, long v) {
    if (v < 10) {
      out.append('0');
    }
    return out.append(v);
  }

  // ---------------------------------------------------------------------------------------------
  // UUID

  /** GUIDs in their canonical 8-4-4-4-12 form (braces tolerated); written lower case. */
  static final class UuidAdapter extends TextAdapter<UUID> {
    UuidAdapter() {
      super("a GUID", "UUID");
    }

    @Override
    UUID parse(String text) {
      String bare = text.length() == 38 && text.charAt(0) == '{' && text.charAt(37) == '}'
          ? text.substring(1, 37) : text;
      if (bare.length() != 36) {
        throw new IllegalArgumentException("a GUID has 36 characters, this has " + bare.length());
      }
      return UUID.fromString(bare);
    }

    @Override
    String format(UUID value) {
      return value.toString();
    }
  }
}
