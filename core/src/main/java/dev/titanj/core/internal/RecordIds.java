package dev.titanj.core.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reads the {@code id()} of a generated record (a plain or an {@code Optional} id). */
public final class RecordIds {
  private static final ConcurrentHashMap<Class<?>, MethodHandle> ACCESSORS =
      new ConcurrentHashMap<>();

  private RecordIds() {}

  /** The id of {@code record}; empty when it has none. */
  public static Optional<Object> idOf(Object record) {
    MethodHandle h = ACCESSORS.computeIfAbsent(record.getClass(), RecordIds::accessor);
    Object id;
    try {
      id = h.invoke(record);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
    if (id instanceof Optional<?> o) {
      return o.map(v -> v);
    }
    return Optional.ofNullable(id);
  }

  private static MethodHandle accessor(Class<?> type) {
    try {
      java.lang.reflect.Method m = publicId(type);
      return MethodHandles.publicLookup().unreflect(m)
          .asType(MethodType.methodType(Object.class, Object.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(type.getName() + " has no readable id(): records a session"
          + " keeps must have one", e);
    }
  }

  /** {@code id()} as declared by a public type: the record's interface, not its implementation. */
  private static java.lang.reflect.Method publicId(Class<?> type) throws NoSuchMethodException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
        return c.getMethod("id");
      }
      for (Class<?> i : c.getInterfaces()) {
        if (java.lang.reflect.Modifier.isPublic(i.getModifiers())) {
          try {
            return i.getMethod("id");
          } catch (NoSuchMethodException e) {
            // not this one
          }
        }
      }
    }
    throw new NoSuchMethodException(type.getName() + ".id()");
  }
}
