package dev.titanj.testing.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Builds plausible JSON records for a generated {@code @TitanValue} response type by reflection
 * over its accessors, deterministically from a seed: ids count up, names read like
 * {@code "Name 2"}, timestamps fall after {@link Curated#EPOCH}, enums carried as strings get
 * their first known wire value, nested value types are filled to a small depth.
 */
public final class Synthesizer {
  private static final int MAX_DEPTH = 3;
  private static final String TITAN_VALUE = "dev.titanj.core.json.TitanValue";
  private static final String WIRE_NAME = "dev.titanj.core.json.WireName";
  private static final String WIRE_ENUM = "dev.titanj.core.json.WireEnum";

  private final long seed;

  public Synthesizer(long seed) {
    this.seed = seed;
  }

  /** Whether {@code type} is a generated value type (annotated {@code @TitanValue}). */
  public static boolean isValueType(Type type) {
    Class<?> raw = raw(type);
    return raw != null && hasAnnotation(raw, TITAN_VALUE);
  }

  /** Record number {@code index} of {@code type} in {@code resource}, with id {@code id}. */
  public Object record(Type type, String resource, int index, long id) {
    Object v = value(type, "id", resource, index, 0, id);
    if (v instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) v;
      if (m.containsKey("id") && m.get("id") instanceof Number) {
        m.put("id", id);
      }
      Instant created = Curated.EPOCH.plus(Duration.ofHours(37L * index + (Math.abs(seed) % 24)));
      if (m.containsKey("createdOn")) {
        m.put("createdOn", created.toString());
      }
      if (m.containsKey("modifiedOn")) {
        m.put("modifiedOn", created.plus(Duration.ofDays(3)).toString());
      }
      if (m.containsKey("active")) {
        m.put("active", true);
      }
    }
    return v;
  }

  private Object value(Type type, String field, String resource, int index, int depth, long id) {
    Class<?> raw = raw(type);
    if (raw == null) {
      return null;
    }
    String f = field.toLowerCase(Locale.ROOT);
    if (raw == Optional.class) {
      return value(arg(type, 0), field, resource, index, depth, id);
    }
    if (raw == OptionalLong.class || raw == long.class || raw == Long.class
        || raw == int.class || raw == Integer.class || raw == OptionalInt.class
        || raw == short.class || raw == Short.class) {
      if (f.equals("id")) {
        return id;
      }
      return f.endsWith("id") ? 1_000L + index : (long) (index + 1);
    }
    if (raw == OptionalDouble.class || raw == double.class || raw == Double.class
        || raw == float.class || raw == Float.class || raw == BigDecimal.class) {
      return new BigDecimal("12.50").add(BigDecimal.valueOf(index));
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return f.equals("active") || index % 2 == 0;
    }
    if (raw == String.class) {
      if (f.contains("email")) {
        return "user" + (index + 1) + "@example.com";
      }
      if (f.contains("phone")) {
        return String.format("555%07d", index + 1);
      }
      return Character.toUpperCase(field.charAt(0)) + field.substring(1) + " " + (index + 1);
    }
    if (raw == Instant.class) {
      return Curated.EPOCH.plus(Duration.ofHours(37L * index + 1)).toString();
    }
    if (raw == LocalDate.class) {
      return LocalDate.of(2024, 1, 1).plusDays(index).toString();
    }
    if (raw == Duration.class) {
      return "02:00:00";
    }
    if (raw == UUID.class) {
      return UUID.nameUUIDFromBytes((seed + ":" + resource + ":" + field + ":" + index)
          .getBytes(StandardCharsets.UTF_8)).toString();
    }
    if (raw.isEnum()) {
      return firstWireValue(raw);
    }
    if (Collection.class.isAssignableFrom(raw)) {
      List<Object> l = new ArrayList<>();
      if (depth < MAX_DEPTH) {
        Object item = value(arg(type, 0), singular(field), resource, index, depth + 1, 1_000L + index);
        if (item != null) {
          l.add(item);
        }
      }
      return l;
    }
    if (Map.class.isAssignableFrom(raw)) {
      return new LinkedHashMap<>();
    }
    if (hasAnnotation(raw, TITAN_VALUE)) {
      if (depth >= MAX_DEPTH) {
        return null;
      }
      return object(raw, resource, index, depth, id);
    }
    return null;
  }

  private Map<String, Object> object(Class<?> raw, String resource, int index, int depth, long id) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Method> methods = new ArrayList<>(Arrays.asList(raw.getMethods()));
    methods.sort(Comparator.comparing(Method::getName));
    // keep declaration-ish order: id first, timestamps last
    methods.sort(Comparator.comparingInt(x -> x.getName().equals("id") ? 0
        : x.getName().equals("createdOn") || x.getName().equals("modifiedOn") ? 2 : 1));
    for (Method a : methods) {
      if (!Modifier.isAbstract(a.getModifiers()) || a.getParameterCount() != 0
          || Modifier.isStatic(a.getModifiers()) || a.getDeclaringClass() == Object.class) {
        continue;
      }
      String name = wireName(a);
      Object v;
      Class<?> enumType = enumCompanion(raw, a);
      if (enumType != null) {
        v = firstWireValue(enumType);
      } else {
        v = value(a.getGenericReturnType(), name, resource, index, depth + 1,
            name.equals("id") ? id : 1_000L + index);
      }
      m.put(name, v);
    }
    return m;
  }

  /** For {@code fooAsString()} with a default {@code foo()} returning an enum, that enum. */
  private static Class<?> enumCompanion(Class<?> owner, Method accessor) {
    String n = accessor.getName();
    if (!n.endsWith("AsString")) {
      return null;
    }
    try {
      Method typed = owner.getMethod(n.substring(0, n.length() - "AsString".length()));
      Type t = typed.getGenericReturnType();
      Class<?> r = raw(t);
      Class<?> e = r == Optional.class ? raw(arg(t, 0)) : r;
      return e != null && e.isEnum() ? e : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static String firstWireValue(Class<?> enumType) {
    Object[] constants = enumType.getEnumConstants();
    boolean wire = implementsByName(enumType, WIRE_ENUM);
    for (Object c : constants) {
      String v;
      if (wire) {
        try {
          v = String.valueOf(enumType.getMethod("wireValue").invoke(c));
        } catch (ReflectiveOperationException e) {
          v = ((Enum<?>) c).name();
        }
      } else {
        v = ((Enum<?>) c).name();
      }
      if (!v.isEmpty() && !((Enum<?>) c).name().equals("UNKNOWN")) {
        return v;
      }
    }
    return null;
  }

  private static String wireName(Method m) {
    for (Annotation a : m.getAnnotations()) {
      if (a.annotationType().getName().equals(WIRE_NAME)) {
        try {
          return String.valueOf(a.annotationType().getMethod("value").invoke(a));
        } catch (ReflectiveOperationException e) {
          break;
        }
      }
    }
    return m.getName();
  }

  private static String singular(String field) {
    return field.endsWith("s") && field.length() > 1 ? field.substring(0, field.length() - 1) : field;
  }

  private static boolean hasAnnotation(Class<?> c, String name) {
    for (Annotation a : c.getAnnotations()) {
      if (a.annotationType().getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean implementsByName(Class<?> c, String name) {
    for (Class<?> i : c.getInterfaces()) {
      if (i.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The raw class of a type, or null. */
  public static Class<?> raw(Type t) {
    if (t instanceof Class) {
      return (Class<?>) t;
    }
    if (t instanceof ParameterizedType) {
      return raw(((ParameterizedType) t).getRawType());
    }
    if (t instanceof WildcardType) {
      Type[] upper = ((WildcardType) t).getUpperBounds();
      return upper.length == 0 ? Object.class : raw(upper[0]);
    }
    if (t instanceof GenericArrayType) {
      return Object[].class;
    }
    return null;
  }

  /** Type argument {@code i} of a parameterized type, or Object. */
  public static Type arg(Type t, int i) {
    if (t instanceof ParameterizedType) {
      Type[] args = ((ParameterizedType) t).getActualTypeArguments();
      return i < args.length ? args[i] : Object.class;
    }
    return Object.class;
  }
}
