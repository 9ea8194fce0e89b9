package dev.titanj.core.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import dev.titanj.core.OperationDescriptor;
import dev.titanj.core.ResourceDescriptor;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.spi.TitanModule;
import dev.titanj.core.json.TitanJson;
import dev.titanj.core.json.WireName;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Reflective checks every module shares: the operation manifest is bound to Retrofit methods and
 * reachable from public repository methods; every record decodes from a sample document and
 * encodes to exactly the JSON names the API description declares. The module-specific parts are
 * parameters: the module's entry point class (or a live instance), its operations manifest, its
 * area name and its record-to-field maps. Every record and request type is also read and written
 * by its generated adapter exactly as by the reflective one ({@link AdapterParity}). Published in
 * core's test-jar for the module tests.
 */
public final class ModuleContract {
  private ModuleContract() {}

  /** The Retrofit interface a generated repository calls (its {@code api} field). */
  public static Class<?> apiOf(Class<?> repository) {
    try {
      Field f = repository.getDeclaredField("api");
      return f.getType();
    } catch (NoSuchFieldException e) {
      throw new AssertionError(repository + " has no api field", e);
    }
  }

  /**
   * The module's descriptors declare {@code expected} operations, each bound once by its
   * repository's Retrofit interface with the same HTTP method and path, and each reached by
   * calling some public repository method (proved by calling them all, see {@link Reachability}).
   */
  public static void verifyCoverage(TitanModule module, int expected) throws Exception {
    List<OperationDescriptor> ops = new ArrayList<>();
    module.resources().forEach(d -> ops.addAll(d.operations()));
    assertThat(ops).hasSize(expected);
    assertThat(ops.stream().map(OperationDescriptor::operationId).distinct().count())
        .as("operation ids are unique").isEqualTo(expected);
    // Retrofit parses every method and finds a converter for every body and return type now.
    retrofit2.Retrofit retrofit = new retrofit2.Retrofit.Builder().baseUrl("http://127.0.0.1/")
        .addConverterFactory(retrofit2.converter.moshi.MoshiConverterFactory.create(TitanJson.moshi()))
        .validateEagerly(true)
        .build();
    try (ApiServer server = new ApiServer()) {
      ServiceTitan st = server.client();
      Set<String> bound = new TreeSet<>();
      for (ResourceDescriptor<?, ?> d : module.resources()) {
        Class<?> repo = d.repositoryOf(st).getClass();
        assertThat(Modifier.isPublic(repo.getModifiers()) && Modifier.isFinal(repo.getModifiers()))
            .as(repo + " is public final").isTrue();
        Class<?> api = apiOf(repo);
        assertThat(retrofit.create(api)).isNotNull();
        assertThat(api.getMethods()).as(api + " binds exactly its resource's operations")
            .hasSameSizeAs(d.operations().toArray());
        for (Method m : api.getMethods()) {
          assertThat(bound.add(operationOf(d, m).operationId())).as("bound once: " + m).isTrue();
        }
      }
      assertThat(bound).hasSize(expected);
      Set<String> reached = new TreeSet<>();
      Reachability.of(module).probe(module, st, server).forEach(h -> reached.add(h.operationId()));
      assertThat(reached).as("operations reached from public repository methods")
          .containsExactlyInAnyOrderElementsOf(bound);
    }
  }

  /** The operation of {@code d} that Retrofit method {@code m} binds (same method and path). */
  static OperationDescriptor operationOf(ResourceDescriptor<?, ?> d, Method m) {
    String http = http(m);
    for (OperationDescriptor op : d.operations()) {
      String rel = op.path().substring(op.path().indexOf("{tenant}/") + "{tenant}/".length());
      if (http.equals(op.method() + " " + rel)) {
        return op;
      }
    }
    throw new AssertionError(m + " (" + http + ") binds no operation of " + d.name());
  }

  static String http(Method m) {
    for (java.lang.annotation.Annotation a : m.getAnnotations()) {
      String type = a.annotationType().getSimpleName();
      try {
        switch (type) {
          case "GET": case "POST": case "PUT": case "PATCH": case "DELETE":
            return type + " " + a.annotationType().getMethod("value").invoke(a);
          case "HTTP":
            return a.annotationType().getMethod("method").invoke(a) + " "
                + a.annotationType().getMethod("path").invoke(a);
          default:
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError(m + " has no HTTP method annotation");
  }

  /**
   * Exactly the {@code expected} resources of {@code module} are reference data (cached by
   * default), and each is readable by id, so the default cache has something to hold.
   */
  public static void verifyReferenceData(TitanModule module, Set<String> expected) {
    Set<String> flagged = new TreeSet<>();
    for (ResourceDescriptor<?, ?> d : module.resources()) {
      if (d.referenceData()) {
        flagged.add(d.name());
      }
      assertThat(d.name()).startsWith(module.area() + ".");
      assertThat(d.readScope()).matches("tn\\.[a-z]+\\.[a-z]+:r");
      assertThat(d.writeScope()).isEqualTo(d.readScope().replace(":r", ":w"));
    }
    assertThat(flagged).containsExactlyInAnyOrderElementsOf(expected);
  }

  // ---- samples ----

  /** The JSON names a record type declares through its abstract accessors. */
  public static Set<String> wireNames(Class<?> type) {
    Set<String> out = new LinkedHashSet<>();
    for (Method m : type.getMethods()) {
      if (Modifier.isAbstract(m.getModifiers()) && m.getParameterCount() == 0
          && m.getDeclaringClass() != dev.titanj.core.json.TitanRequest.class) {
        WireName w = m.getAnnotation(WireName.class);
        out.add(w != null ? w.value() : m.getName());
      }
    }
    return out;
  }

  /** A JSON document with every property of {@code type} set to a plausible value. */
  public static String sample(Class<?> type) {
    StringBuilder sb = new StringBuilder();
    writeObject(type, sb, 0);
    return sb.toString();
  }

  private static void writeObject(Class<?> type, StringBuilder sb, int depth) {
    sb.append('{');
    boolean first = true;
    for (Method m : type.getMethods()) {
      if (!Modifier.isAbstract(m.getModifiers()) || m.getParameterCount() != 0
          || m.getDeclaringClass() == dev.titanj.core.json.TitanRequest.class) {
        continue;
      }
      WireName w = m.getAnnotation(WireName.class);
      String name = w != null ? w.value() : m.getName();
      if (depth > 5 && !m.getReturnType().isPrimitive()
          && !(m.getGenericReturnType() instanceof Class && isScalar((Class<?>) m.getGenericReturnType()))) {
        continue;
      }
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append('"').append(name).append("\":");
      writeValue(m.getGenericReturnType(), sb, depth);
    }
    sb.append('}');
  }

  /** A plausible JSON value of {@code type}, as text. */
  static String sampleJson(Type type) {
    StringBuilder sb = new StringBuilder();
    writeValue(type, sb, 0);
    return sb.toString();
  }

  private static boolean isScalar(Class<?> c) {
    return c == String.class || c == Long.class || c == Integer.class || c == Boolean.class
        || c == Double.class || c == java.math.BigDecimal.class || c == Instant.class
        || c == LocalDate.class || c == Duration.class || c == UUID.class;
  }

  private static void writeValue(Type t, StringBuilder sb, int depth) {
    if (t instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) t;
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (raw == Optional.class) {
        writeValue(args[0], sb, depth);
      } else if (raw == List.class) {
        sb.append('[');
        writeValue(args[0], sb, depth + 1);
        sb.append(']');
      } else if (raw == Map.class) {
        sb.append("{\"k\":");
        writeValue(args[1], sb, depth + 1);
        sb.append('}');
      } else {
        throw new AssertionError("unexpected type " + t);
      }
      return;
    }
    Class<?> c = (Class<?>) t;
    if (c == long.class || c == Long.class) {
      sb.append("7");
    } else if (c == int.class || c == Integer.class) {
      sb.append("3");
    } else if (c == double.class || c == Double.class) {
      sb.append("1.5");
    } else if (c == boolean.class || c == Boolean.class) {
      sb.append("true");
    } else if (c == String.class) {
      sb.append("\"text\"");
    } else if (c == java.math.BigDecimal.class) {
      sb.append("\"12.30\"");
    } else if (c == Instant.class) {
      sb.append("\"2025-01-02T03:04:05.1234567Z\"");
    } else if (c == LocalDate.class) {
      sb.append("\"2025-01-02\"");
    } else if (c == Duration.class) {
      sb.append("\"02:00:00\"");
    } else if (c == UUID.class) {
      sb.append("\"7f1f8f62-2f1c-4d27-9b7e-3b8e6f3a1c55\"");
    } else if (c == Object.class) {
      sb.append("\"any\"");
    } else if (c.isEnum()) {
      Object[] constants = c.getEnumConstants();
      try {
        sb.append('"').append(((dev.titanj.core.json.WireEnum) constants[0]).wireValue()).append('"');
      } catch (ClassCastException e) {
        throw new AssertionError(c + " is not a WireEnum");
      }
    } else if (c.isInterface()) {
      writeObject(c, sb, depth + 1);
    } else {
      throw new AssertionError("no sample for " + c);
    }
  }

  /** Decodes a full sample of every response record and checks its names against the manifest. */
  public static int verifyResponses(Map<Class<?>, List<String>> fields) throws Exception {
    int n = 0;
    for (Map.Entry<Class<?>, List<String>> e : fields.entrySet()) {
      Class<?> type = e.getKey();
      assertThat(wireNames(type)).as(type.getSimpleName()).containsExactlyInAnyOrderElementsOf(e.getValue());
      @SuppressWarnings("unchecked")
      JsonAdapter<Object> adapter = (JsonAdapter<Object>) TitanJson.moshi().adapter(type);
      String json = sample(type);
      Object value = adapter.fromJson(json);
      assertThat(value).as(type.getSimpleName()).isNotNull();
      Object reread = adapter.fromJson(adapter.toJson(value));
      assertThat(reread).as(type.getSimpleName() + " round trip").isEqualTo(value);
      for (Method m : type.getMethods()) {
        if (Modifier.isAbstract(m.getModifiers()) && m.getParameterCount() == 0
            && m.getReturnType() == Optional.class) {
          assertThat((Optional<?>) m.invoke(value)).as(type.getSimpleName() + "." + m.getName()).isPresent();
        }
      }
      // Missing fields never fail a read: an object with only the id (where there is one).
      String minimal = wireNames(type).contains("id") ? "{\"id\":" + idSample(type) + "}" : "{}";
      assertThat(adapter.fromJson(minimal)).as(type.getSimpleName() + " minimal").isNotNull();
      AdapterParity.verify(type);
      n++;
    }
    return n;
  }

  private static String idSample(Class<?> type) throws Exception {
    Type generic = type.getMethod("id").getGenericReturnType();
    Class<?> idType = generic instanceof ParameterizedType p
        ? (Class<?>) p.getActualTypeArguments()[0] : (Class<?>) generic; // Optional<K> for a nullable id
    return idType == UUID.class ? "\"7f1f8f62-2f1c-4d27-9b7e-3b8e6f3a1c55\"" : idType == String.class ? "\"x\"" : "7";
  }

  /** Each request record, decoded from a full sample, encodes to exactly its declared names. */
  public static int verifyRequests(Map<Class<?>, List<String>> fields) throws Exception {
    int n = 0;
    for (Map.Entry<Class<?>, List<String>> e : fields.entrySet()) {
      Class<?> type = e.getKey();
      @SuppressWarnings("unchecked")
      JsonAdapter<Object> adapter = (JsonAdapter<Object>) TitanJson.moshi().adapter(type);
      Object value = adapter.fromJson(sample(type));
      @SuppressWarnings("unchecked")
      Map<String, Object> encoded = (Map<String, Object>) TitanJson.moshi().adapter(Object.class)
          .fromJson(adapter.toJson(value));
      assertThat(encoded.keySet()).as(type.getSimpleName()).containsExactlyInAnyOrderElementsOf(e.getValue());
      AdapterParity.verify(type);
      n++;
    }
    return n;
  }
}
