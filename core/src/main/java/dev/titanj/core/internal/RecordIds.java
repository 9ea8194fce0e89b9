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

  /** {@code modifiedOn()} readers by record type; absent for types without one. */
  private static final ConcurrentHashMap<Class<?>, Optional<MethodHandle>> MODIFIED =
      new ConcurrentHashMap<>();

  /** Whether records of {@code type} declare {@code modifiedOn()}. */
  public static boolean hasModifiedOn(Class<?> type) {
    return MODIFIED.computeIfAbsent(type, RecordIds::modifiedAccessor).isPresent();
  }

  /**
   * The {@code modifiedOn} of {@code record}: empty when its type declares none or it is not
   * set.
   */
  public static Optional<java.time.Instant> modifiedOnOf(Object record) {
    Optional<MethodHandle> h = MODIFIED.computeIfAbsent(record.getClass(),
        RecordIds::modifiedAccessor);
    if (h.isEmpty()) {
      return Optional.empty();
    }
    Object v;
    try {
      v = h.get().invoke(record);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
    if (v instanceof Optional<?> o) {
      v = o.orElse(null);
    }
    return v instanceof java.time.Instant i ? Optional.of(i) : Optional.empty();
  }

  private static Optional<MethodHandle> modifiedAccessor(Class<?> type) {
    try {
      java.lang.reflect.Method m = publicMethod(type, "modifiedOn");
      return Optional.of(MethodHandles.publicLookup().unreflect(m)
          .asType(MethodType.methodType(Object.class, Object.class)));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
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
    return publicMethod(type, "id");
  }

  private static java.lang.reflect.Method publicMethod(Class<?> type, String name)
      throws NoSuchMethodException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
        return c.getMethod(name);
      }
      for (Class<?> i : c.getInterfaces()) {
        if (java.lang.reflect.Modifier.isPublic(i.getModifiers())) {
          try {
            return i.getMethod(name);
          } catch (NoSuchMethodException e) {
            // not this one
          }
        }
      }
    }
    throw new NoSuchMethodException(type.getName() + "." + name + "()");
  }
}
