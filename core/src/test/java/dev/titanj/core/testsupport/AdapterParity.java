package dev.titanj.core.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.titanj.core.internal.TitanJsonException;
import dev.titanj.core.json.ReflectiveJson;
import dev.titanj.core.json.TitanJson;
import dev.titanj.core.json.TitanRequest;
import dev.titanj.core.json.WireName;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds a record type's generated JSON adapter (what {@link TitanJson#moshi()} gives for it) to
 * the reflective {@code ValueTypeAdapter} it replaces ({@link ReflectiveJson}): both read a set of
 * documents made from the type's fields (a full sample, empty and all-null objects, each field in
 * turn given a value of every wrong JSON type, unknown and repeated names, non-objects, and each
 * of those inside an array), and must give equal values or the same failure (class, message,
 * type and JSON path, cause); every value read is then written by both, with and without
 * {@code serializeNulls}, to the same JSON. Published in core's test-jar; {@link ModuleContract}
 * runs it for every record and request type of a module.
 */
public final class AdapterParity {
  /** Values put in place of each field in turn: every JSON type, blanks, overflow, nulls. */
  static final List<String> OTHER_VALUES = List.of("null", "true", "false", "\"text\"", "\"\"",
      "\" \"", "\"12\"", "7", "-3", "1.5", "12345678901234567890", "{}", "{\"k\":null}",
      "{\"k\":\"v\"}", "[]", "[null]", "[1,\"2\"]", "[{}]", "\"2025-01-02T03:04:05Z\"");

  private AdapterParity() {}

  /** Checks {@code type}; returns the number of documents both adapters read. */
  public static int verify(Class<?> type) throws Exception {
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> generated = (JsonAdapter<Object>) TitanJson.moshi().adapter(type);
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> reflective = (JsonAdapter<Object>) ReflectiveJson.moshi().adapter(type);
    assertThat(generated.toString()).as(type.getName() + " is read by its generated adapter")
        .isEqualTo("GeneratedJsonAdapter(" + type.getSimpleName() + ")");
    assertThat(reflective.toString()).startsWith("ValueTypeAdapter(");
    JsonAdapter<List<Object>> generatedList =
        TitanJson.moshi().adapter(Types.newParameterizedType(List.class, type));
    JsonAdapter<List<Object>> reflectiveList =
        ReflectiveJson.moshi().adapter(Types.newParameterizedType(List.class, type));

    Map<String, String> sample = sampleFields(type);
    String full = object(sample);
    List<String> docs = new ArrayList<>();
    docs.add(full);
    docs.add("{}");
    if (sample.containsKey("id")) {
      docs.add("{\"id\":" + sample.get("id") + "}");
    }
    Map<String, String> nulls = new LinkedHashMap<>();
    sample.keySet().forEach(k -> nulls.put(k, "null"));
    docs.add(object(nulls));
    for (String field : sample.keySet()) {
      for (String other : OTHER_VALUES) {
        Map<String, String> changed = new LinkedHashMap<>(sample);
        changed.put(field, other);
        docs.add(object(changed));
      }
      Map<String, String> without = new LinkedHashMap<>(sample);
      without.remove(field);
      docs.add(object(without));
    }
    docs.add("{\"zzUnknown\":{\"a\":[1,{\"b\":null}]}," + full.substring(1));
    docs.add(full.substring(0, full.length() - 1) + (sample.isEmpty() ? "" : ",")
        + "\"zzUnknown\":[true]}");
    docs.add(sample.isEmpty() ? "{}" : full.substring(0, full.length() - 1) + "," + full.substring(1));
    docs.addAll(List.of("[]", "\"x\"", "7", "null", "true"));

    for (String doc : docs) {
      Object value = compare(type.getSimpleName(), doc, generated, reflective);
      if (value != null) {
        compareWrites(type.getSimpleName(), value, generated, reflective);
      }
      compare(type.getSimpleName() + " in a list", "[" + full + "," + doc + "]", generatedList,
          reflectiveList);
    }
    return docs.size();
  }

  /** Reads {@code doc} with both; asserts the same outcome; returns the value, or null. */
  private static <T> T compare(String what, String doc, JsonAdapter<T> generated,
      JsonAdapter<T> reflective) {
    Outcome<T> g = read(generated, doc);
    Outcome<T> r = read(reflective, doc);
    assertThat(g.describe()).as(what + " reading " + doc).isEqualTo(r.describe());
    if (g.value != null) {
      assertThat(g.value.getClass()).as(what + " class reading " + doc)
          .isEqualTo(r.value.getClass());
      assertThat(g.value).as(what + " reading " + doc).isEqualTo(r.value);
    }
    return g.value;
  }

  private static void compareWrites(String what, Object value, JsonAdapter<Object> generated,
      JsonAdapter<Object> reflective) {
    assertThat(generated.toJson(value)).as(what + " writing " + value)
        .isEqualTo(reflective.toJson(value));
    assertThat(generated.serializeNulls().toJson(value)).as(what + " writing nulls " + value)
        .isEqualTo(reflective.serializeNulls().toJson(value));
    if (value instanceof TitanRequest request) {
      assertThat(request.explicitNulls()).isNotNull();
    }
  }

  private record Outcome<T>(T value, Throwable failure) {
    String describe() {
      if (failure == null) {
        return "value " + value;
      }
      StringBuilder sb = new StringBuilder(failure.getClass().getName()).append(": ")
          .append(failure.getMessage());
      if (failure instanceof TitanJsonException j) {
        sb.append(" [type ").append(j.type()).append(", field ").append(j.field()).append(']');
      }
      Throwable cause = failure.getCause();
      if (cause != null) {
        sb.append(" caused by ").append(cause.getClass().getName()).append(": ")
            .append(cause.getMessage());
      }
      return sb.toString();
    }
  }

  private static <T> Outcome<T> read(JsonAdapter<T> adapter, String doc) {
    try {
      return new Outcome<>(adapter.fromJson(doc), null);
    } catch (Exception | StackOverflowError e) {
      return new Outcome<>(null, e);
    }
  }

  /** JSON name to sample JSON text of each field of {@code type}. */
  static Map<String, String> sampleFields(Class<?> type) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Method m : type.getMethods()) {
      if (!Modifier.isAbstract(m.getModifiers()) || m.getParameterCount() != 0
          || m.getDeclaringClass() == TitanRequest.class) {
        continue;
      }
      WireName w = m.getAnnotation(WireName.class);
      out.put(w != null ? w.value() : m.getName(), ModuleContract.sampleJson(m.getGenericReturnType()));
    }
    return out;
  }

  private static String object(Map<String, String> fields) {
    StringBuilder sb = new StringBuilder("{");
    fields.forEach((k, v) -> {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append('"').append(k).append("\":").append(v);
    });
    return sb.append('}').toString();
  }

  /** The codec generated adapters are checked against; for tests that compare one case. */
  public static Moshi reflective() {
    return ReflectiveJson.moshi();
  }
}
