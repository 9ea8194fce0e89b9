package dev.titanj.core.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.titanj.core.internal.TitanJsonException;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads and writes one {@link TitanValue} type through its Immutables builder and accessors.
 *
 * <p>Everything reflective happens once, in {@link #create}: each attribute becomes a
 * {@link Slot} with cached method handles and delegate adapters, and the JSON names become a
 * {@link JsonReader.Options} table, so reading a value is a name lookup and a handle call per
 * field.
 */
final class ValueTypeAdapter extends JsonAdapter<Object> {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final MethodType SUPPLIER = MethodType.methodType(Object.class);
  private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
  private static final MethodType SETTER =
      MethodType.methodType(Object.class, Object.class, Object.class);

  private final String typeName;
  private final MethodHandle newBuilder; // ()Object
  private final MethodHandle build; // (Object)Object
  private final JsonReader.Options names;
  private final Slot[] slots; // in Options order
  private final Slot[] writeOrder;
  private final long requiredMask;
  /** For a {@link TitanRequest}: its {@code explicitNulls()} getter; null for other types. */
  private final MethodHandle explicitNulls; // (Object)Object
  /** For a {@link TitanRequest}: the builder's {@code addExplicitNulls(String)}. */
  private final MethodHandle addExplicitNull; // (Object,Object)Object

  private ValueTypeAdapter(String typeName, MethodHandle newBuilder, MethodHandle build,
      Slot[] slots, Slot[] writeOrder, MethodHandle explicitNulls, MethodHandle addExplicitNull) {
    this.typeName = typeName;
    this.newBuilder = newBuilder;
    this.build = build;
    this.slots = slots;
    this.writeOrder = writeOrder;
    this.explicitNulls = explicitNulls;
    this.addExplicitNull = addExplicitNull;
    String[] jsonNames = new String[slots.length];
    long mask = 0;
    for (int i = 0; i < slots.length; i++) {
      jsonNames[i] = slots[i].jsonName;
      mask |= slots[i].requiredBit;
    }
    this.names = JsonReader.Options.of(jsonNames);
    this.requiredMask = mask;
  }

  // -----------------------------------------------------------------------------------------
  // Reading

  @Override
  public Object fromJson(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new TitanJsonException(typeName, reader.getPath(),
          "expected a JSON object but was " + reader.peek(), null);
    }
    Object builder;
    try {
      builder = (Object) newBuilder.invokeExact();
    } catch (Throwable t) {
      throw rethrow(t);
    }
    long seen = 0;
    String lastName = null;
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(names);
      if (index < 0) {
        reader.skipName();
        reader.skipValue();
        lastName = "null"; // what Moshi records as the path name of a skipped name
        continue;
      }
      Slot slot = slots[index];
      lastName = slot.jsonName;
      try {
        if (slot.clearable && addExplicitNull != null
            && reader.peek() == JsonReader.Token.NULL) {
          reader.nextNull();
          Object ignored = (Object) addExplicitNull.invokeExact(builder, (Object) slot.jsonName);
        } else if (slot.read(reader, builder)) {
          seen |= slot.requiredBit;
        }
      } catch (JsonDataException | IllegalArgumentException | IllegalStateException
          | NullPointerException | ClassCastException | DateTimeException
          | ArithmeticException e) {
        throw new TitanJsonException(typeName, failurePath(e, reader),
            "cannot read " + slot.describe() + ": " + e.getMessage(), e);
      } catch (IOException | RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw rethrow(t);
      }
    }
    if ((seen & requiredMask) != requiredMask) {
      throw missing(reader, lastName, requiredMask & ~seen);
    }
    Object value;
    try {
      value = (Object) build.invokeExact(builder);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // Required attributes beyond the 64 tracked by the mask, or a @Value.Check that failed.
      throw new TitanJsonException(typeName, objectPath(reader.getPath(), lastName),
          e.getMessage(), e);
    } catch (Throwable t) {
      throw rethrow(t);
    }
    reader.endObject();
    return value;
  }

  private TitanJsonException missing(JsonReader reader, String lastName, long missingBits) {
    Slot first = null;
    for (Slot s : slots) {
      if ((s.requiredBit & missingBits) != 0) {
        first = s;
        break;
      }
    }
    String field = objectPath(reader.getPath(), lastName) + "." + first.jsonName;
    return new TitanJsonException(typeName, field, "required field missing", null);
  }

  /** The JSON path a delegate adapter named in its message, else the reader's position. */
  private static String failurePath(RuntimeException e, JsonReader reader) {
    String message = e.getMessage();
    if (e instanceof JsonDataException && message != null) {
      int at = message.lastIndexOf(" at path ");
      if (at >= 0) {
        return message.substring(at + " at path ".length()).trim();
      }
    }
    return reader.getPath();
  }

  /** The path of the object being read, from the reader's path inside it. */
  static String objectPath(String pathInside, String lastName) {
    if (pathInside.endsWith(".")) {
      return pathInside.substring(0, pathInside.length() - 1);
    }
    if (lastName != null && pathInside.endsWith("." + lastName)) {
      return pathInside.substring(0, pathInside.length() - lastName.length() - 1);
    }
    int dot = pathInside.lastIndexOf('.');
    return dot > 0 ? pathInside.substring(0, dot) : pathInside;
  }

  // -----------------------------------------------------------------------------------------
  // Writing

  @Override
  public void toJson(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
      return;
    }
    Set<?> nulls = Set.of();
    if (explicitNulls != null) {
      try {
        nulls = (Set<?>) (Object) explicitNulls.invokeExact(value);
      } catch (Throwable t) {
        throw rethrow(t);
      }
    }
    writer.beginObject();
    for (Slot slot : writeOrder) {
      if (!nulls.isEmpty() && nulls.contains(slot.jsonName)) {
        boolean serializeNulls = writer.getSerializeNulls();
        writer.setSerializeNulls(true);
        writer.name(slot.jsonName).nullValue();
        writer.setSerializeNulls(serializeNulls);
      } else {
        slot.write(writer, value);
      }
    }
    writer.endObject();
  }

  @Override
  public String toString() {
    return "ValueTypeAdapter(" + typeName + ")";
  }

  static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    throw new IllegalStateException(t);
  }

  // -----------------------------------------------------------------------------------------
  // Slots

  /** How an attribute is read and written. */
  enum Kind {
    /** A required (or @Nullable) attribute of a reference type. */
    PLAIN,
    LONG,
    INT,
    BOOLEAN,
    DOUBLE,
    /** {@code Optional<T>}: set through {@code name(T)}. */
    OPTIONAL,
    OPTIONAL_LONG,
    OPTIONAL_INT,
    OPTIONAL_DOUBLE,
    /** A List, Set or other collection: set through {@code name(Iterable)}. */
    COLLECTION,
    /** A map with String keys: set through {@code name(Map)}. */
    STRING_MAP,
    /** A map with other keys: read by Moshi, set through {@code name(Map)}. */
    OTHER_MAP
  }

  /** One attribute: its JSON name, handles and adapters. */
  static final class Slot {
    final String jsonName;
    final String accessor;
    final Type type;
    final Kind kind;
    final boolean nullable;
    /** A {@link Clearable} field of a request: JSON null is an explicit null, kept. */
    final boolean clearable;
    long requiredBit;
    final MethodHandle getter; // (Object)Object, or (Object)prim for primitive kinds
    final MethodHandle setter; // (Object,Object)Object, or (Object,prim)Object
    final MethodHandle adder; // addX (Object,Object)Object or putX (Object,Object,Object)Object
    final JsonAdapter<Object> readAdapter; // element/value/inner adapter
    final JsonAdapter<Object> writeAdapter; // adapter of the accessor's (unwrapped) type

    Slot(String jsonName, String accessor, Type type, Kind kind, boolean nullable,
        boolean clearable, MethodHandle getter, MethodHandle setter, MethodHandle adder,
        JsonAdapter<Object> readAdapter,
        JsonAdapter<Object> writeAdapter) {
      this.jsonName = jsonName;
      this.accessor = accessor;
      this.type = type;
      this.kind = kind;
      this.nullable = nullable;
      this.clearable = clearable;
      this.getter = getter;
      this.setter = setter;
      this.adder = adder;
      this.readAdapter = readAdapter;
      this.writeAdapter = writeAdapter;
    }

    String describe() {
      return jsonName + " as " + type.getTypeName().replace("java.lang.", "")
          .replace("java.util.", "").replace("java.time.", "").replace("java.math.", "");
    }

    boolean required() {
      switch (kind) {
        case PLAIN:
          return !nullable;
        case LONG:
        case INT:
        case BOOLEAN:
        case DOUBLE:
          return true;
        default:
          return false;
      }
    }

    /** Reads the value at the reader and sets it; true when the attribute was set. */
    boolean read(JsonReader reader, Object builder) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        reader.nextNull();
        if (kind == Kind.PLAIN && nullable) {
          invoke(builder, null);
          return true;
        }
        return false; // empty optional, empty collection, or a required field left missing
      }
      try {
        switch (kind) {
          case LONG:
          case OPTIONAL_LONG: {
            Object ignored = (Object) setter.invokeExact(builder, reader.nextLong());
            return true;
          }
          case INT:
          case OPTIONAL_INT: {
            Object ignored = (Object) setter.invokeExact(builder, reader.nextInt());
            return true;
          }
          case DOUBLE:
          case OPTIONAL_DOUBLE: {
            Object ignored = (Object) setter.invokeExact(builder, reader.nextDouble());
            return true;
          }
          case BOOLEAN: {
            Object ignored = (Object) setter.invokeExact(builder, reader.nextBoolean());
            return true;
          }
          case PLAIN:
          case OPTIONAL: {
            Object value = readAdapter.fromJson(reader);
            if (value == null && !nullable) {
              return false;
            }
            Object ignored = (Object) setter.invokeExact(builder, value);
            return true;
          }
          case COLLECTION: {
            reader.beginArray();
            if (adder != null && !nullable) { // a @Nullable one is set even when empty
              while (reader.hasNext()) {
                Object element = readAdapter.fromJson(reader);
                if (element != null) {
                  Object ignored = (Object) adder.invokeExact(builder, element);
                }
              }
            } else {
              List<Object> list = new ArrayList<>();
              while (reader.hasNext()) {
                Object element = readAdapter.fromJson(reader);
                if (element != null) {
                  list.add(element);
                }
              }
              Object ignored = (Object) setter.invokeExact(builder, (Object) list);
            }
            reader.endArray();
            return true;
          }
          case STRING_MAP: {
            reader.beginObject();
            if (adder != null && !nullable) {
              while (reader.hasNext()) {
                String key = reader.nextName();
                Object value = readAdapter.fromJson(reader);
                if (value != null) {
                  Object ignored = (Object) adder.invokeExact(builder, (Object) key, value);
                }
              }
            } else {
              Map<String, Object> map = new LinkedHashMap<>();
              while (reader.hasNext()) {
                String key = reader.nextName();
                Object value = readAdapter.fromJson(reader);
                if (value != null) {
                  map.put(key, value);
                }
              }
              Object ignored = (Object) setter.invokeExact(builder, (Object) map);
            }
            reader.endObject();
            return true;
          }
          case OTHER_MAP: {
            Map<?, ?> raw = (Map<?, ?>) readAdapter.fromJson(reader);
            Map<Object, Object> map = new LinkedHashMap<>();
            raw.forEach((k, v) -> {
              if (k != null && v != null) {
                map.put(k, v);
              }
            });
            Object ignored = (Object) setter.invokeExact(builder, (Object) map);
            return true;
          }
          default:
            throw new AssertionError(kind);
        }
      } catch (IOException | RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw rethrow(t);
      }
    }

    private void invoke(Object builder, Object value) {
      try {
        Object ignored = (Object) setter.invokeExact(builder, value);
      } catch (Throwable t) {
        throw rethrow(t);
      }
    }

    /** Writes name and value, or nothing when the value is absent. */
    void write(JsonWriter writer, Object instance) throws IOException {
      try {
        switch (kind) {
          case LONG:
            writer.name(jsonName).value((long) getter.invokeExact(instance));
            return;
          case INT:
            writer.name(jsonName).value((int) getter.invokeExact(instance));
            return;
          case DOUBLE:
            writer.name(jsonName).value((double) getter.invokeExact(instance));
            return;
          case BOOLEAN:
            writer.name(jsonName).value((boolean) getter.invokeExact(instance));
            return;
          default:
            break;
        }
        Object value = (Object) getter.invokeExact(instance);
        if (value == null) {
          return;
        }
        switch (kind) {
          case OPTIONAL: {
            Optional<?> o = (Optional<?>) value;
            if (o.isPresent()) {
              writer.name(jsonName);
              writeAdapter.toJson(writer, o.get());
            }
            return;
          }
          case OPTIONAL_LONG: {
            OptionalLong o = (OptionalLong) value;
            if (o.isPresent()) {
              writer.name(jsonName).value(o.getAsLong());
            }
            return;
          }
          case OPTIONAL_INT: {
            OptionalInt o = (OptionalInt) value;
            if (o.isPresent()) {
              writer.name(jsonName).value(o.getAsInt());
            }
            return;
          }
          case OPTIONAL_DOUBLE: {
            OptionalDouble o = (OptionalDouble) value;
            if (o.isPresent()) {
              writer.name(jsonName).value(o.getAsDouble());
            }
            return;
          }
          case STRING_MAP:
          case OTHER_MAP: {
            // A map of Optional values: an empty one is an explicit null and is written.
            writer.name(jsonName);
            boolean serializeNulls = writer.getSerializeNulls();
            writer.setSerializeNulls(true);
            try {
              writeAdapter.toJson(writer, value);
            } finally {
              writer.setSerializeNulls(serializeNulls);
            }
            return;
          }
          default:
            writer.name(jsonName);
            writeAdapter.toJson(writer, value);
        }
      } catch (IOException | RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw rethrow(t);
      }
    }
  }

  // -----------------------------------------------------------------------------------------
  // Introspection, once per type

  static ValueTypeAdapter create(Class<?> type, Moshi moshi) {
    Class<?> impl = implementationOf(type);
    Class<?> builderClass;
    MethodHandle newBuilder;
    MethodHandle build;
    try {
      Method builderMethod = staticBuilder(impl);
      if (builderMethod == null) {
        builderMethod = staticBuilder(type); // a builder extension: X.builder() is X.Builder
      }
      if (builderMethod == null) {
        throw new NoSuchMethodException("static builder()");
      }
      builderClass = builderMethod.getReturnType();
      newBuilder = unreflect(builderMethod).asType(SUPPLIER);
      build = unreflect(builderClass.getMethod("build")).asType(GETTER);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(impl.getName()
          + " has no public static builder() with a build() method; is " + type.getName()
          + " annotated @TitanValue @Value.Immutable?", e);
    }

    List<Method> accessors = attributes(type);
    MethodHandle explicitNulls = null;
    MethodHandle addExplicitNull = null;
    if (TitanRequest.class.isAssignableFrom(type)) {
      accessors.removeIf(m -> m.getDeclaringClass() == TitanRequest.class);
      try {
        explicitNulls = unreflect(TitanRequest.class.getMethod("explicitNulls")).asType(GETTER);
        addExplicitNull = unreflect(builderClass.getMethod("addExplicitNulls", String.class))
            .asType(SETTER);
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException(builderClass.getName()
            + " has no addExplicitNulls(String)", e);
      }
    }
    orderByImplementationFields(accessors, impl);
    List<Slot> slots = new ArrayList<>();
    Set<String> jsonNames = new HashSet<>();
    int requiredCount = 0;
    for (Method accessor : accessors) {
      Slot slot = slot(type, accessor, builderClass, moshi);
      if (!jsonNames.add(slot.jsonName)) {
        throw new IllegalArgumentException(type.getName()
            + " maps two attributes to the JSON name \"" + slot.jsonName + "\"");
      }
      if (slot.required() && requiredCount < 64) {
        slot.requiredBit = 1L << requiredCount++;
      }
      slots.add(slot);
    }
    Slot[] array = slots.toArray(new Slot[0]);
    return new ValueTypeAdapter(displayName(type), newBuilder, build, array, array.clone(),
        explicitNulls, addExplicitNull);
  }

  private static Method staticBuilder(Class<?> c) {
    try {
      Method m = c.getMethod("builder");
      return Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == c ? m : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** The generated class: {@code ImmutableX} beside {@code X}, also for nested {@code Outer.X}. */
  static Class<?> implementationOf(Class<?> type) {
    String pkg = type.getPackageName();
    String prefix = pkg.isEmpty() ? "" : pkg + ".";
    List<String> candidates = new ArrayList<>();
    candidates.add(prefix + "Immutable" + type.getSimpleName());
    if (type.getEnclosingClass() != null) {
      // With @Value.Enclosing on the outer type: ImmutableOuter.X
      Class<?> outermost = type;
      StringBuilder nested = new StringBuilder(type.getSimpleName());
      while (outermost.getEnclosingClass() != null) {
        outermost = outermost.getEnclosingClass();
        if (outermost.getEnclosingClass() != null) {
          nested.insert(0, outermost.getSimpleName() + "$");
        }
      }
      candidates.add(prefix + "Immutable" + outermost.getSimpleName() + "$" + nested);
    }
    ClassLoader loader = type.getClassLoader();
    for (String name : candidates) {
      try {
        Class<?> impl = Class.forName(name, true, loader);
        if (type.isAssignableFrom(impl)) {
          return impl;
        }
      } catch (ClassNotFoundException e) {
        // try the next naming rule
      }
    }
    throw new IllegalArgumentException("No Immutables implementation found for " + type.getName()
        + " (looked for " + candidates + "); is it annotated @TitanValue @Value.Immutable?");
  }

  private static String displayName(Class<?> type) {
    String pkg = type.getPackageName();
    String name = pkg.isEmpty() ? type.getName() : type.getName().substring(pkg.length() + 1);
    return name.replace('$', '.');
  }

  /**
   * The attributes of {@code type}: abstract, non-static, no-argument, non-void methods anywhere in
   * its hierarchy that no default or concrete method implements. Default methods are derived
   * values, never attributes.
   */
  static List<Method> attributes(Class<?> type) {
    Map<String, Method> abstractByName = new LinkedHashMap<>();
    Set<String> implemented = new HashSet<>();
    Deque<Class<?>> queue = new ArrayDeque<>();
    Set<Class<?>> visited = new HashSet<>();
    queue.add(type);
    while (!queue.isEmpty()) {
      Class<?> c = queue.poll();
      if (c == Object.class || !visited.add(c)) {
        continue;
      }
      for (Method m : c.getDeclaredMethods()) {
        if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.isSynthetic()
            || m.isBridge() || m.getReturnType() == void.class
            || Modifier.isPrivate(m.getModifiers())) {
          continue;
        }
        String name = m.getName();
        if (name.equals("hashCode") || name.equals("toString") || name.equals("getClass")) {
          continue;
        }
        if (Modifier.isAbstract(m.getModifiers())) {
          abstractByName.putIfAbsent(name, m);
        } else {
          implemented.add(name);
        }
      }
      if (c.getSuperclass() != null) {
        queue.add(c.getSuperclass());
      }
      queue.addAll(List.of(c.getInterfaces()));
    }
    List<Method> result = new ArrayList<>();
    for (Map.Entry<String, Method> e : abstractByName.entrySet()) {
      if (!implemented.contains(e.getKey())) {
        result.add(e.getValue());
      }
    }
    return result;
  }

  /** Sorts accessors as Immutables declares its fields (the declaration order); others last. */
  static void orderByImplementationFields(List<Method> accessors, Class<?> impl) {
    Map<String, Integer> position = new HashMap<>();
    Field[] fields = impl.getDeclaredFields();
    for (int i = 0; i < fields.length; i++) {
      if (!Modifier.isStatic(fields[i].getModifiers())) {
        position.putIfAbsent(fields[i].getName(), i);
      }
    }
    accessors.sort((a, b) -> Integer.compare(
        position.getOrDefault(attributeName(a.getName()), Integer.MAX_VALUE),
        position.getOrDefault(attributeName(b.getName()), Integer.MAX_VALUE)));
  }

  /** Immutables' attribute name: {@code getFoo} becomes {@code foo}; others are kept. */
  static String attributeName(String accessor) {
    if (accessor.length() > 3 && accessor.startsWith("get")
        && Character.isUpperCase(accessor.charAt(3))) {
      return Character.toLowerCase(accessor.charAt(3)) + accessor.substring(4);
    }
    return accessor;
  }

  private static Slot slot(Class<?> owner, Method accessor, Class<?> builderClass, Moshi moshi) {
    WireName wireName = accessor.getAnnotation(WireName.class);
    String jsonName = wireName != null ? wireName.value() : accessor.getName();
    Type type = TypeResolution.resolve(owner, accessor.getGenericReturnType());
    Class<?> raw = Types.getRawType(type);
    if (type instanceof java.lang.reflect.TypeVariable) {
      throw new IllegalArgumentException(owner.getName() + "." + accessor.getName()
          + "() has the unresolved type " + type + "; generic value types are not supported");
    }
    boolean nullable = hasNullable(accessor);
    MethodHandle getter = unreflect(accessor);

    Kind kind;
    Class<?> setterParam; // raw parameter type of the builder setter to use
    JsonAdapter<Object> readAdapter = null;
    JsonAdapter<Object> writeAdapter = null;
    if (raw == long.class) {
      kind = Kind.LONG;
      setterParam = long.class;
    } else if (raw == int.class) {
      kind = Kind.INT;
      setterParam = int.class;
    } else if (raw == boolean.class) {
      kind = Kind.BOOLEAN;
      setterParam = boolean.class;
    } else if (raw == double.class) {
      kind = Kind.DOUBLE;
      setterParam = double.class;
    } else if (raw == OptionalLong.class) {
      kind = Kind.OPTIONAL_LONG;
      setterParam = long.class;
    } else if (raw == OptionalInt.class) {
      kind = Kind.OPTIONAL_INT;
      setterParam = int.class;
    } else if (raw == OptionalDouble.class) {
      kind = Kind.OPTIONAL_DOUBLE;
      setterParam = double.class;
    } else if (raw == Optional.class) {
      kind = Kind.OPTIONAL;
      Type inner = typeArgument(type, 0, owner, accessor);
      setterParam = Types.getRawType(inner);
      writeAdapter = moshi.adapter(inner);
      readAdapter = Freezing.wrap(inner, writeAdapter);
      nullable = true;
    } else if (Collection.class.isAssignableFrom(raw)) {
      kind = Kind.COLLECTION;
      setterParam = Iterable.class;
      Type element = typeArgument(type, 0, owner, accessor);
      readAdapter = Freezing.wrap(element, moshi.adapter(element));
      writeAdapter = moshi.adapter(type);
    } else if (Map.class.isAssignableFrom(raw)) {
      Type keyType = typeArgument(type, 0, owner, accessor);
      setterParam = Map.class;
      writeAdapter = moshi.adapter(type);
      if (keyType == String.class) {
        kind = Kind.STRING_MAP;
        Type valueType = typeArgument(type, 1, owner, accessor);
        readAdapter = Freezing.wrap(valueType, moshi.adapter(valueType));
      } else {
        kind = Kind.OTHER_MAP;
        readAdapter = writeAdapter;
      }
    } else if (raw.isPrimitive()) {
      throw new IllegalArgumentException(owner.getName() + "." + accessor.getName()
          + "(): primitive " + raw + " is not supported; use long, int, boolean, double or a"
          + " boxed type");
    } else {
      kind = Kind.PLAIN;
      setterParam = raw;
      writeAdapter = moshi.adapter(type);
      readAdapter = Freezing.wrap(type, writeAdapter);
    }

    Method setter = findSetter(builderClass, accessor.getName(), setterParam);
    if (setter == null) {
      throw new IllegalArgumentException("Builder " + builderClass.getName()
          + " has no setter " + attributeName(accessor.getName()) + "(" + setterParam.getName()
          + ") for " + owner.getName() + "." + accessor.getName() + "()");
    }
    MethodHandle setterHandle;
    MethodHandle getterHandle;
    switch (kind) {
      case LONG:
        setterHandle = unreflect(setter).asType(
            MethodType.methodType(Object.class, Object.class, long.class));
        getterHandle = getter.asType(MethodType.methodType(long.class, Object.class));
        break;
      case OPTIONAL_LONG:
        setterHandle = unreflect(setter).asType(
            MethodType.methodType(Object.class, Object.class, long.class));
        getterHandle = getter.asType(GETTER);
        break;
      case INT:
        setterHandle = unreflect(setter).asType(
            MethodType.methodType(Object.class, Object.class, int.class));
        getterHandle = getter.asType(MethodType.methodType(int.class, Object.class));
        break;
      case OPTIONAL_INT:
        setterHandle = unreflect(setter).asType(
            MethodType.methodType(Object.class, Object.class, int.class));
        getterHandle = getter.asType(GETTER);
        break;
      case DOUBLE:
        setterHandle = unreflect(setter).asType(
            MethodType.methodType(Object.class, Object.class, double.class));
        getterHandle = getter.asType(MethodType.methodType(double.class, Object.class));
        break;
      case OPTIONAL_DOUBLE:
        setterHandle = unreflect(setter).asType(
            MethodType.methodType(Object.class, Object.class, double.class));
        getterHandle = getter.asType(GETTER);
        break;
      case BOOLEAN:
        setterHandle = unreflect(setter).asType(
            MethodType.methodType(Object.class, Object.class, boolean.class));
        getterHandle = getter.asType(MethodType.methodType(boolean.class, Object.class));
        break;
      default:
        setterHandle = unreflect(setter).asType(SETTER);
        getterHandle = getter.asType(GETTER);
    }
    MethodHandle adder = null;
    if (kind == Kind.COLLECTION) {
      Method add = findAdder(builderClass, "add", setter.getName(), 1);
      adder = add == null ? null : unreflect(add).asType(SETTER);
    } else if (kind == Kind.STRING_MAP) {
      Method put = findAdder(builderClass, "put", setter.getName(), 2);
      adder = put == null ? null : unreflect(put).asType(
          MethodType.methodType(Object.class, Object.class, Object.class, Object.class));
    }
    return new Slot(jsonName, accessor.getName(), type, kind, nullable,
        accessor.isAnnotationPresent(Clearable.class), getterHandle,
        setterHandle, adder, readAdapter, writeAdapter);
  }

  private static Type typeArgument(Type type, int index, Class<?> owner, Method accessor) {
    if (!(type instanceof ParameterizedType)) {
      throw new IllegalArgumentException(owner.getName() + "." + accessor.getName()
          + "() needs a parameterized type, not the raw " + type.getTypeName());
    }
    return ValueTypeAdapter.upperBound(((ParameterizedType) type).getActualTypeArguments()[index]);
  }

  /** {@code ? extends X} as {@code X}; other types unchanged. */
  static Type upperBound(Type type) {
    if (type instanceof java.lang.reflect.WildcardType) {
      return ((java.lang.reflect.WildcardType) type).getUpperBounds()[0];
    }
    return type;
  }

  /** The builder's one-argument setter for the attribute whose parameter fits {@code param}. */
  private static Method findSetter(Class<?> builderClass, String accessor, Class<?> param) {
    String[] names = {accessor, attributeName(accessor)};
    for (String name : names) {
      Method exact = null;
      Method assignable = null;
      Method unboxing = null;
      for (Method m : builderClass.getMethods()) {
        if (!m.getName().equals(name) || m.getParameterCount() != 1
            || Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        Class<?> p = m.getParameterTypes()[0];
        if (p == param) {
          exact = m;
        } else if (!param.isPrimitive() && p.isAssignableFrom(param) && p != Object.class
            && p != Optional.class) {
          assignable = m;
        } else if (p.isPrimitive() && MethodType.methodType(p).wrap().returnType() == param) {
          unboxing = m; // such as name(long) for a Long value
        }
      }
      if (exact != null) {
        return exact;
      }
      if (assignable != null) {
        return assignable;
      }
      if (unboxing != null) {
        return unboxing;
      }
    }
    return null;
  }

  /**
   * Immutables' per-element method: {@code addX(E)} for collections, {@code putX(String, V)} for
   * maps; null when the builder has none (the whole-collection setter is used then).
   */
  private static Method findAdder(Class<?> builderClass, String verb, String attribute,
      int parameters) {
    String name = verb + Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
    for (Method m : builderClass.getMethods()) {
      if (!m.getName().equals(name) || m.getParameterCount() != parameters
          || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      Class<?> first = m.getParameterTypes()[0];
      if (parameters == 1 && !first.isArray() && !Iterable.class.isAssignableFrom(first)
          && !Map.Entry.class.isAssignableFrom(first)) {
        return m;
      }
      if (parameters == 2 && first.isAssignableFrom(String.class)) {
        return m;
      }
    }
    return null;
  }

  /** Any runtime-retained annotation named {@code Nullable} on the accessor. */
  private static boolean hasNullable(Method accessor) {
    for (java.lang.annotation.Annotation a : accessor.getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    for (java.lang.annotation.Annotation a : accessor.getAnnotatedReturnType().getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  private static MethodHandle unreflect(Method m) {
    try {
      return LOOKUP.unreflect(m);
    } catch (IllegalAccessException e) {
      try {
        m.setAccessible(true);
        return LOOKUP.unreflect(m);
      } catch (RuntimeException | IllegalAccessException again) {
        IllegalArgumentException failure = new IllegalArgumentException(
            "Cannot access " + m + "; value types and their builders must be public", again);
        failure.addSuppressed(e);
        throw failure;
      }
    }
  }
}
