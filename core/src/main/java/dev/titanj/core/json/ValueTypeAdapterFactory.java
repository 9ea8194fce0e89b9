package dev.titanj.core.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * Creates {@link ValueTypeAdapter}s for {@link TitanValue} types, and for their generated
 * {@code Immutable*} implementations (which delegate to the abstract type's adapter).
 */
final class ValueTypeAdapterFactory implements JsonAdapter.Factory {
  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    Class<?> raw = Types.getRawType(type);
    if (raw.isPrimitive() || raw.isArray() || raw.isEnum() || raw.getName().startsWith("java.")) {
      return null;
    }
    if (isValueType(raw)) {
      return ValueTypeAdapter.create(raw, moshi);
    }
    Class<?> abstractType = abstractTypeOf(raw);
    if (abstractType != null) {
      return moshi.adapter(abstractType); // ImmutableX asked for directly: same wire form
    }
    return null;
  }

  static boolean isValueType(Class<?> raw) {
    return raw.isAnnotationPresent(TitanValue.class)
        && (raw.isInterface() || Modifier.isAbstract(raw.getModifiers()));
  }

  /** The {@link TitanValue} type that {@code raw} is the generated implementation of, or null. */
  private static Class<?> abstractTypeOf(Class<?> raw) {
    if (!raw.getSimpleName().startsWith("Immutable") || Modifier.isAbstract(raw.getModifiers())) {
      return null;
    }
    Class<?> superclass = raw.getSuperclass();
    if (superclass != null && isValueType(superclass)) {
      return superclass;
    }
    for (Class<?> i : raw.getInterfaces()) {
      if (isValueType(i)) {
        return i;
      }
    }
    return null;
  }
}
