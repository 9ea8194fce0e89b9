package dev.titanj.core.json;

import com.squareup.moshi.JsonAdapter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The checks a {@link TitanRequest} runs when it is built, and {@link TitanRequest#changes}.
 * What is known of a type (its fields, which are clearable or required when sent) is read once
 * per class.
 */
final class RequestChecks {
  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return Shape.of(type);
    }
  };

  private RequestChecks() {}

  /** One field of a value type: JSON name, accessor, and what the API says of it. */
  private record FieldInfo(String jsonName, Method accessor, boolean clearable, boolean required) {
    Object value(Object instance) {
      try {
        return accessor.invoke(instance);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (InvocationTargetException e) {
        throw ValueTypeAdapter.rethrow(e.getCause());
      }
    }
  }

  /** The fields of one value type, by JSON name. */
  private record Shape(String name, Map<String, FieldInfo> fields) {
    static Shape of(Class<?> type) {
      Class<?> abstractType = valueTypeOf(type);
      Map<String, FieldInfo> fields = new LinkedHashMap<>();
      List<Method> accessors = ValueTypeAdapter.attributes(abstractType);
      ValueTypeAdapter.orderByImplementationFields(accessors,
          ValueTypeAdapter.implementationOf(abstractType)); // declaration order, for messages
      for (Method m : accessors) {
        if (m.getDeclaringClass() == TitanRequest.class) {
          continue;
        }
        WireName wire = m.getAnnotation(WireName.class);
        String json = wire != null ? wire.value() : m.getName();
        m.setAccessible(true);
        fields.put(json, new FieldInfo(json, m, m.isAnnotationPresent(Clearable.class),
            m.isAnnotationPresent(RequiredInRequests.class)));
      }
      return new Shape(abstractType.getSimpleName(), fields);
    }

    List<String> clearable() {
      List<String> out = new ArrayList<>();
      fields.values().forEach(f -> {
        if (f.clearable()) {
          out.add(f.jsonName());
        }
      });
      return out;
    }
  }

  /** The {@link TitanValue} type {@code type} is, or implements. */
  static Class<?> valueTypeOf(Class<?> type) {
    if (ValueTypeAdapterFactory.isValueType(type)) {
      return type;
    }
    for (Class<?> i : type.getInterfaces()) {
      if (ValueTypeAdapterFactory.isValueType(i)) {
        return i;
      }
    }
    Class<?> superclass = type.getSuperclass();
    if (superclass != null && ValueTypeAdapterFactory.isValueType(superclass)) {
      return superclass;
    }
    throw new IllegalArgumentException(type.getName() + " is not a TitanJ value type");
  }

  static void check(TitanRequest request) {
    Shape shape = SHAPES.get(request.getClass());
    for (String name : request.explicitNulls()) {
      FieldInfo field = shape.fields().get(name);
      if (field == null || !field.clearable()) {
        throw new IllegalArgumentException(shape.name() + ": \"" + name
            + "\" cannot be sent as null; the fields it can clear are " + shape.clearable());
      }
      if (isSet(field.value(request))) {
        throw new IllegalArgumentException(shape.name() + "." + name
            + " is both set to a value and cleared; choose one");
      }
    }
    for (FieldInfo field : shape.fields().values()) {
      checkNested(shape.name() + "." + field.jsonName(), field.value(request));
    }
  }

  /** Descends into records nested in a request: shared records must have their sent-required fields. */
  private static void checkNested(String path, Object value) {
    if (value instanceof Optional<?> o) {
      o.ifPresent(v -> checkNested(path, v));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        checkNested(path + "[" + i + "]", list.get(i));
      }
    } else if (value instanceof Collection<?> c) {
      c.forEach(v -> checkNested(path + "[]", v));
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> checkNested(path + "." + k, v));
    } else if (value != null && !(value instanceof TitanRequest)
        && isValue(value.getClass())) {
      // A request record checks itself when built; a shared record is checked here.
      Shape shape = SHAPES.get(value.getClass());
      List<String> missing = new ArrayList<>();
      for (FieldInfo field : shape.fields().values()) {
        Object v = field.value(value);
        if (field.required() && !isSet(v)) {
          missing.add(field.jsonName());
        }
        checkNested(path + "." + field.jsonName(), v);
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(path + " (" + shape.name()
            + ") misses fields the API requires: " + String.join(", ", missing));
      }
    }
  }

  private static boolean isValue(Class<?> c) {
    if (c.getName().startsWith("java.") || c.isEnum() || c.isPrimitive()) {
      return false;
    }
    try {
      valueTypeOf(c);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isSet(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Optional<?> o) {
      return o.isPresent();
    }
    if (value instanceof OptionalLong o) {
      return o.isPresent();
    }
    if (value instanceof OptionalInt o) {
      return o.isPresent();
    }
    if (value instanceof OptionalDouble o) {
      return o.isPresent();
    }
    return true;
  }

  // -----------------------------------------------------------------------------------------
  // Change-based requests

  @SuppressWarnings("unchecked")
  static <R extends TitanRequest> R changes(Class<R> type, Object before, Object after) {
    if (type == null) {
      throw new IllegalArgumentException("type must not be null");
    }
    if (before == null) {
      throw new IllegalArgumentException("before must not be null");
    }
    if (after == null) {
      throw new IllegalArgumentException("after must not be null");
    }
    Class<?> recordType = valueTypeOf(before.getClass());
    if (recordType != valueTypeOf(after.getClass())) {
      throw new IllegalArgumentException("before and after must be records of one type, not "
          + recordType.getSimpleName() + " and " + valueTypeOf(after.getClass()).getSimpleName());
    }
    JsonAdapter<Object> records = (JsonAdapter<Object>) TitanJson.moshi().adapter(recordType);
    Map<String, Object> was = (Map<String, Object>) records.toJsonValue(before);
    Map<String, Object> now = (Map<String, Object>) records.toJsonValue(after);
    Shape request = SHAPES.get(type);
    Map<String, Object> body = new LinkedHashMap<>();
    for (FieldInfo field : request.fields().values()) {
      String name = field.jsonName();
      Object old = was.get(name);
      Object current = now.get(name);
      if (Objects.equals(old, current)) {
        continue;
      }
      if (current == null && !field.clearable()) {
        throw new IllegalArgumentException(request.name() + "." + name
            + " was removed, but the API cannot clear it (it accepts no null)");
      }
      body.put(name, current);
    }
    try {
      return (R) TitanJson.moshi().adapter(type).fromJsonValue(body);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("The changes from " + recordType.getSimpleName()
          + " do not make a valid " + request.name() + ": " + e.getMessage(), e);
    }
  }
}
