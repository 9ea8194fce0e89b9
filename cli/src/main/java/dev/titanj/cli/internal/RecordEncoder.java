package dev.titanj.cli.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.titanj.core.json.TitanJson;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encodes records of one type with {@link TitanJson#moshi()}: as compact JSON (one line), as
 * indented JSON, or as an ordered map of top-level fields for table and CSV output.
 */
public final class RecordEncoder {
  private final JsonAdapter<Object> compact;
  private final JsonAdapter<Object> indented;
  private final JsonAdapter<Object> nested;

  public RecordEncoder(Type recordType) {
    Moshi moshi = TitanJson.moshi();
    this.compact = moshi.adapter(recordType);
    this.indented = compact.indent("  ");
    this.nested = moshi.adapter(Object.class);
  }

  /** One line of JSON, as written to JSON Lines files. */
  public String toJsonLine(Object record) {
    return compact.toJson(record);
  }

  /** Indented JSON for reading on a terminal. */
  public String toPrettyJson(Object record) {
    return indented.toJson(record);
  }

  /** Top-level fields, {@code id} and {@code name} first, then in encoding order; absent fields included as null. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> toFields(Object record) {
    Object value = compact.serializeNulls().toJsonValue(record);
    if (value instanceof Map) {
      Map<String, Object> fields = (Map<String, Object>) value;
      Map<String, Object> ordered = new LinkedHashMap<>();
      for (String first : new String[] {"id", "name"}) {
        if (fields.containsKey(first)) {
          ordered.put(first, fields.get(first));
        }
      }
      ordered.putAll(fields);
      return ordered;
    }
    Map<String, Object> single = new LinkedHashMap<>();
    single.put("value", value);
    return single;
  }

  /** A cell's text: scalars as they are, whole numbers without {@code .0}, objects and lists as compact JSON. */
  public String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      return value.toString();
    }
    if (value instanceof Map || value instanceof Iterable) {
      return nested.toJson(value);
    }
    return value.toString();
  }
}
