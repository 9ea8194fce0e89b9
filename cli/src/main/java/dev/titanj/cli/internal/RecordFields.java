package dev.titanj.cli.internal;

import com.squareup.moshi.Json;
import com.squareup.moshi.Types;
import dev.titanj.core.json.WireName;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The JSON fields of a record type, read from the type itself (no request): the accessors of a
 * TitanJ value type (the JSON name is the accessor's name or its {@link WireName}), or the fields
 * of a plain class as Moshi's reflective adapter encodes them. Used to check {@code --columns}
 * such as {@code name} or {@code address.city} before any request.
 */
public final class RecordFields {
  private RecordFields() {}

  /**
   * Checks column paths against {@code recordType}.
   *
   * @throws UsageException naming every unknown column, with the closest known names
   */
  public static void check(Type recordType, List<String> columns) {
    if (columns.isEmpty() || !isObject(recordType)) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (String column : columns) {
      String problem = problem(recordType, column);
      if (problem != null) {
        problems.add(problem);
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("; ", problems));
    }
  }

  /** Why {@code path} is not a field of {@code type}, or null when it is. */
  static String problem(Type type, String path) {
    if (path.isBlank()) {
      return "empty column name in --columns";
    }
    String[] parts = path.split("\\.", -1);
    Type current = type;
    String prefix = "";
    for (String part : parts) {
      if (!isObject(current)) {
        return "unknown column '" + path + "': " + prefix.substring(0, prefix.length() - 1)
            + " has no fields";
      }
      Map<String, Type> fields = fields(current);
      if (fields == null) {
        return null; // a map or untyped JSON: any key may be present
      }
      Type next = fields.get(part);
      if (next == null) {
        String hint = Text.didYouMean(part, fields.keySet(), prefix);
        return "unknown column '" + path + "'"
            + (hint.isEmpty() ? " (fields" + (prefix.isEmpty() ? "" : " of "
                + prefix.substring(0, prefix.length() - 1)) + ": " + String.join(", ", fields.keySet()) + ")"
                : " (" + hint + ")");
      }
      current = unwrap(next);
      prefix = prefix + part + ".";
    }
    return null;
  }

  /**
   * The fields of an object type, by JSON name, with their (unwrapped) types; null for maps and
   * untyped values whose keys are not known in advance.
   */
  static Map<String, Type> fields(Type type) {
    Class<?> raw = Types.getRawType(type);
    if (Map.class.isAssignableFrom(raw) || raw == Object.class) {
      return null;
    }
    Map<String, Type> out = new LinkedHashMap<>();
    if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
      for (Method m : raw.getMethods()) {
        if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.isDefault()
            || !Modifier.isAbstract(m.getModifiers()) || m.getReturnType() == void.class
            || m.getDeclaringClass() == Object.class) {
          continue;
        }
        WireName wire = m.getAnnotation(WireName.class);
        out.putIfAbsent(wire != null ? wire.value() : attributeName(m.getName()),
            m.getGenericReturnType());
      }
    } else {
      for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          int mod = f.getModifiers();
          if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
            continue;
          }
          Json json = f.getAnnotation(Json.class);
          out.putIfAbsent(json != null ? json.name() : f.getName(), f.getGenericType());
        }
      }
    }
    return out;
  }

  private static String attributeName(String accessor) {
    if (accessor.length() > 3 && accessor.startsWith("get") && Character.isUpperCase(accessor.charAt(3))) {
      return Character.toLowerCase(accessor.charAt(3)) + accessor.substring(4);
    }
    return accessor;
  }

  /** Optional<X> and lists of X are X for paths; OptionalInt and friends are numbers. */
  static Type unwrap(Type t) {
    if (t instanceof WildcardType) {
      return unwrap(((WildcardType) t).getUpperBounds()[0]);
    }
    Class<?> raw = Types.getRawType(t);
    if ((raw == Optional.class || Collection.class.isAssignableFrom(raw))
        && t instanceof ParameterizedType) {
      return unwrap(((ParameterizedType) t).getActualTypeArguments()[0]);
    }
    if (raw == OptionalInt.class || raw == OptionalLong.class || raw == OptionalDouble.class) {
      return Long.class;
    }
    return t;
  }

  /** Whether values of {@code t} are JSON objects (records, nested objects or maps). */
  static boolean isObject(Type t) {
    Class<?> raw = Types.getRawType(unwrap(t));
    if (raw.isPrimitive() || raw.isEnum() || raw.isArray() || Number.class.isAssignableFrom(raw)
        || CharSequence.class.isAssignableFrom(raw) || raw == Boolean.class || raw == Character.class
        || raw == Object.class) {
      return raw == Object.class;
    }
    String n = raw.getName();
    return !(n.startsWith("java.") || n.startsWith("javax.")) || Map.class.isAssignableFrom(raw);
  }

  /**
   * The value at {@code path} in a record's encoded fields: the top-level field when it exists,
   * else the nested one ({@code address.city}); lists give the values of their elements.
   */
  @SuppressWarnings("unchecked")
  public static Object valueAt(Map<String, Object> row, String path) {
    if (row.containsKey(path) || path.indexOf('.') < 0) {
      return row.get(path);
    }
    Object current = row;
    for (String part : path.split("\\.")) {
      if (current instanceof Map) {
        current = ((Map<String, Object>) current).get(part);
      } else if (current instanceof List) {
        List<Object> values = new ArrayList<>();
        for (Object e : (List<Object>) current) {
          if (e instanceof Map) {
            values.add(((Map<String, Object>) e).get(part));
          }
        }
        current = values;
      } else {
        return null;
      }
    }
    return current;
  }
}
