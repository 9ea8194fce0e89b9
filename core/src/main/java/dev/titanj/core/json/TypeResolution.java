package dev.titanj.core.json;

import com.squareup.moshi.Types;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves type variables of generic supertypes against a concrete value type, so that an
 * accessor inherited from {@code interface HasId<K> { K id(); }} reads as {@code Long id()} in
 * {@code interface Customer extends HasId<Long>}.
 */
final class TypeResolution {
  private TypeResolution() {}

  /** {@code type} with the type variables bound by {@code owner}'s supertypes substituted. */
  static Type resolve(Class<?> owner, Type type) {
    if (!containsVariable(type)) {
      return type;
    }
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    collect(owner, bindings);
    return substitute(type, bindings);
  }

  private static void collect(Class<?> c, Map<TypeVariable<?>, Type> bindings) {
    if (c == null || c == Object.class) {
      return;
    }
    for (Type t : c.getGenericInterfaces()) {
      bind(t, bindings);
    }
    bind(c.getGenericSuperclass(), bindings);
  }

  private static void bind(Type supertype, Map<TypeVariable<?>, Type> bindings) {
    if (supertype instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) supertype;
      Class<?> raw = (Class<?>) p.getRawType();
      TypeVariable<?>[] variables = raw.getTypeParameters();
      Type[] arguments = p.getActualTypeArguments();
      for (int i = 0; i < variables.length; i++) {
        bindings.putIfAbsent(variables[i], substitute(arguments[i], bindings));
      }
      collect(raw, bindings);
    } else if (supertype instanceof Class) {
      collect((Class<?>) supertype, bindings);
    }
  }

  private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (type instanceof TypeVariable) {
      Type bound = bindings.get(type);
      return bound != null ? bound : type;
    }
    if (type instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) type;
      Type[] arguments = p.getActualTypeArguments().clone();
      for (int i = 0; i < arguments.length; i++) {
        arguments[i] = substitute(arguments[i], bindings);
      }
      return p.getOwnerType() == null
          ? Types.newParameterizedType(p.getRawType(), arguments)
          : Types.newParameterizedTypeWithOwner(p.getOwnerType(), p.getRawType(), arguments);
    }
    if (type instanceof WildcardType) {
      WildcardType w = (WildcardType) type;
      if (w.getLowerBounds().length > 0) {
        return Types.supertypeOf(substitute(w.getLowerBounds()[0], bindings));
      }
      return Types.subtypeOf(substitute(w.getUpperBounds()[0], bindings));
    }
    if (type instanceof GenericArrayType) {
      return Types.arrayOf(substitute(((GenericArrayType) type).getGenericComponentType(),
          bindings));
    }
    return type;
  }

  private static boolean containsVariable(Type type) {
    if (type instanceof TypeVariable) {
      return true;
    }
    if (type instanceof ParameterizedType) {
      for (Type a : ((ParameterizedType) type).getActualTypeArguments()) {
        if (containsVariable(a)) {
          return true;
        }
      }
      return false;
    }
    if (type instanceof WildcardType) {
      WildcardType w = (WildcardType) type;
      return containsVariable(w.getUpperBounds()[0])
          || (w.getLowerBounds().length > 0 && containsVariable(w.getLowerBounds()[0]));
    }
    if (type instanceof GenericArrayType) {
      return containsVariable(((GenericArrayType) type).getGenericComponentType());
    }
    return false;
  }
}
