package dev.titanj.testing.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * Reads and writes plain JSON trees (maps, lists, strings, numbers, booleans, null) with Moshi's
 * streaming reader and writer. Numbers read as {@link Long} when integral, else {@link BigDecimal},
 * so ids and money survive a round trip exactly.
 */
public final class Json {
  private Json() {}

  /** Compact JSON. */
  public static String write(Object value) {
    return write(value, false);
  }

  /** Two-space indented JSON, for files meant to be read in a diff. */
  public static String pretty(Object value) {
    return write(value, true);
  }

  private static String write(Object value, boolean pretty) {
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.setSerializeNulls(true);
      if (pretty) {
        w.setIndent("  ");
      }
      writeValue(w, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  private static void writeValue(JsonWriter w, Object v) throws IOException {
    if (v == null) {
      w.nullValue();
    } else if (v instanceof Map) {
      w.beginObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        w.name(String.valueOf(e.getKey()));
        writeValue(w, e.getValue());
      }
      w.endObject();
    } else if (v instanceof Iterable) {
      w.beginArray();
      for (Object o : (Iterable<?>) v) {
        writeValue(w, o);
      }
      w.endArray();
    } else if (v instanceof Boolean) {
      w.value((Boolean) v);
    } else if (v instanceof Number) {
      w.value((Number) v);
    } else if (v instanceof Instant || v instanceof LocalDate) {
      w.value(v.toString());
    } else {
      w.value(v.toString());
    }
  }

  /**
   * Parses JSON text into maps, lists, strings, longs, big decimals, booleans and nulls.
   *
   * @throws IllegalArgumentException if the text is not valid JSON
   */
  public static Object parse(String text) {
    try {
      JsonReader r = JsonReader.of(new Buffer().writeUtf8(text));
      Object v = read(r);
      if (r.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("trailing data after JSON value");
      }
      return v;
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw (IllegalArgumentException) e;
      }
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Parses JSON, or returns null when the text is not JSON. */
  public static Object tryParse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Object read(JsonReader r) throws IOException {
    switch (r.peek()) {
      case BEGIN_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        r.beginObject();
        while (r.hasNext()) {
          m.put(r.nextName(), read(r));
        }
        r.endObject();
        return m;
      }
      case BEGIN_ARRAY: {
        List<Object> l = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
          l.add(read(r));
        }
        r.endArray();
        return l;
      }
      case STRING:
        return r.nextString();
      case NUMBER: {
        String s = r.nextString();
        BigDecimal d = new BigDecimal(s);
        if (d.scale() <= 0 && !s.contains(".") && !s.contains("e") && !s.contains("E")) {
          try {
            return d.longValueExact();
          } catch (ArithmeticException e) {
            return d;
          }
        }
        return d;
      }
      case BOOLEAN:
        return r.nextBoolean();
      case NULL:
        return r.nextNull();
      default:
        throw new IllegalArgumentException("unexpected JSON token " + r.peek());
    }
  }

  /** A mutable deep copy of a JSON tree. */
  @SuppressWarnings("unchecked")
  public static Object deepCopy(Object v) {
    if (v instanceof Map) {
      Map<String, Object> m = new LinkedHashMap<>();
      ((Map<String, Object>) v).forEach((k, x) -> m.put(k, deepCopy(x)));
      return m;
    }
    if (v instanceof List) {
      List<Object> l = new ArrayList<>();
      for (Object x : (List<Object>) v) {
        l.add(deepCopy(x));
      }
      return l;
    }
    return v;
  }

  /** Deep equality that treats numbers by value ({@code 1} equals {@code 1.0}). */
  public static boolean sameJson(Object a, Object b) {
    if (a instanceof Number && b instanceof Number) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    if (a instanceof Map && b instanceof Map) {
      Map<?, ?> x = (Map<?, ?>) a;
      Map<?, ?> y = (Map<?, ?>) b;
      if (!x.keySet().equals(y.keySet())) {
        return false;
      }
      for (Object k : x.keySet()) {
        if (!sameJson(x.get(k), y.get(k))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List && b instanceof List) {
      List<?> x = (List<?>) a;
      List<?> y = (List<?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!sameJson(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a == null ? b == null : a.equals(b);
  }
}
