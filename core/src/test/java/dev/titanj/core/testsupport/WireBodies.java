package dev.titanj.core.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import dev.titanj.core.ResourceDescriptor;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.spi.TitanModule;
import dev.titanj.core.json.Clearable;
import dev.titanj.core.json.TitanJson;
import dev.titanj.core.json.TitanRequest;
import dev.titanj.core.json.TitanValue;
import dev.titanj.core.json.WireName;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import mockwebserver3.RecordedRequest;

/**
 * The exact-write contract, checked for every operation of a module that takes a request body:
 * through the public repository method, against a loopback server, a request with its required
 * fields and <em>one</em> optional field set sends exactly those fields; each clearable field
 * cleared sends exactly {@code "field": null}; each list set to empty sends {@code []}.
 * Published in core's test-jar for the module tests.
 */
public final class WireBodies {
  private static final JsonAdapter<Object> JSON = TitanJson.moshi().adapter(Object.class);

  private WireBodies() {}

  /**
   * Checks every body-taking operation of {@code module}: the public repository method that
   * reaches it (found by calling them, see {@link Reachability}) sends exactly the fields that
   * were set. Returns how many operations were checked.
   */
  public static int verifyEveryBody(TitanModule module, ApiServer server) throws Exception {
    ServiceTitan st = server.client();
    Reachability reach = Reachability.of(module);
    Map<String, Method> byOperation = new TreeMap<>();
    Map<String, Object> repoOf = new TreeMap<>();
    Set<String> fixedBody = new TreeSet<>();
    for (Reachability.Hit h : reach.probe(module, st, server)) {
      Method m = h.method();
      if (bodyParameter(m) < 0) {
        if (!m.isAnnotationPresent(Deprecated.class)) {
          fixedBody.add(h.operationId());
        }
        continue;
      }
      Method known = byOperation.get(h.operationId());
      if (known == null || known.getParameterCount() > m.getParameterCount()) {
        byOperation.put(h.operationId(), m);
        repoOf.put(h.operationId(), h.repository());
      }
    }
    Set<String> bodyOperations = new TreeSet<>();
    for (ResourceDescriptor<?, ?> d : module.resources()) {
      Class<?> api = ModuleContract.apiOf(d.repositoryOf(st).getClass());
      for (Method m : api.getMethods()) {
        for (java.lang.annotation.Annotation[] annotations : m.getParameterAnnotations()) {
          for (java.lang.annotation.Annotation a : annotations) {
            if (a instanceof retrofit2.http.Body) {
              bodyOperations.add(ModuleContract.operationOf(d, m).operationId());
            }
          }
        }
      }
    }
    // An action whose repository builds a fixed body (activate(id) sends {"isActive":true})
    // takes no body from the caller; its wire test pins that body.
    bodyOperations.removeIf(id -> !byOperation.containsKey(id) && fixedBody.contains(id));
    assertThat(byOperation.keySet()).as("operations with a body reachable from repositories")
        .containsAll(bodyOperations);
    int cases = 0;
    for (Map.Entry<String, Method> e : byOperation.entrySet()) {
      cases += verifyOperation(e.getKey(), repoOf.get(e.getKey()), e.getValue(), server);
    }
    assertThat(cases).isGreaterThanOrEqualTo(byOperation.size());
    return byOperation.size();
  }

  /** The required fields of {@code type} with sample values, by JSON name. */
  static Map<String, Object> requiredSample(Class<?> type) throws java.io.IOException {
    Map<String, Object> base = new LinkedHashMap<>();
    for (Method a : attributes(type)) {
      if (!isOptional(a)) {
        base.put(jsonName(a), JSON.fromJson(ModuleContract.sampleJson(a.getGenericReturnType())));
      }
    }
    return base;
  }

  private static int bodyParameter(Method m) {
    Type[] types = m.getGenericParameterTypes();
    for (int i = 0; i < types.length; i++) {
      if (valueClass(types[i]) != null) {
        return i;
      }
    }
    return -1;
  }

  /** The value type a parameter carries, directly or as list elements; null for other types. */
  private static Class<?> valueClass(Type t) {
    if (t instanceof Class<?> c && c.isAnnotationPresent(TitanValue.class)) {
      return c;
    }
    if (t instanceof ParameterizedType p && Collection.class.isAssignableFrom((Class<?>) p.getRawType())
        && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isAnnotationPresent(TitanValue.class)) {
      return c;
    }
    return null;
  }

  private static int verifyOperation(String id, Object repo, Method m, ApiServer server)
      throws Exception {
    int index = bodyParameter(m);
    Type bodyParam = m.getGenericParameterTypes()[index];
    Class<?> type = valueClass(bodyParam);
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) TitanJson.moshi().adapter(type);
    Map<String, Object> base = new LinkedHashMap<>();
    List<Method> optional = new ArrayList<>();
    for (Method a : attributes(type)) {
      if (isOptional(a)) {
        optional.add(a);
      } else {
        base.put(jsonName(a), JSON.fromJson(ModuleContract.sampleJson(a.getGenericReturnType())));
      }
    }
    int n = 0;
    if (optional.isEmpty()) {
      check(id, repo, m, index, bodyParam, adapter.fromJsonValue(base), base, server);
      n++;
    }
    for (Method a : optional) {
      String name = jsonName(a);
      Map<String, Object> one = new LinkedHashMap<>(base);
      one.put(name, JSON.fromJson(ModuleContract.sampleJson(a.getGenericReturnType())));
      check(id + " with " + name, repo, m, index, bodyParam, adapter.fromJsonValue(one), one, server);
      n++;
      if (Collection.class.isAssignableFrom(a.getReturnType())) {
        Map<String, Object> empty = new LinkedHashMap<>(base);
        empty.put(name, List.of());
        check(id + " with " + name + " = []", repo, m, index, bodyParam,
            adapter.fromJsonValue(empty), empty, server);
        n++;
      }
      if (a.isAnnotationPresent(Clearable.class)) {
        Object builder = type.getMethod("builder").invoke(null);
        builder.getClass().getMethod("from", type).invoke(builder, adapter.fromJsonValue(base));
        builder.getClass().getMethod("clear" + Character.toUpperCase(a.getName().charAt(0))
            + a.getName().substring(1)).invoke(builder);
        Object cleared = builder.getClass().getMethod("build").invoke(builder);
        Map<String, Object> nulled = new LinkedHashMap<>(base);
        nulled.put(name, null);
        check(id + " with " + name + " cleared", repo, m, index, bodyParam, cleared, nulled, server);
        n++;
      }
    }
    return n;
  }

  private static void check(String what, Object repo, Method m, int index, Type bodyParam,
      Object body, Map<String, Object> expected, ApiServer server) throws Exception {
    Object[] args = new Object[m.getParameterCount()];
    Type[] types = m.getGenericParameterTypes();
    for (int i = 0; i < args.length; i++) {
      args[i] = i == index
          ? (bodyParam instanceof ParameterizedType ? List.of(body) : body)
          : argument(types[i], m);
    }
    try {
      m.invoke(repo, args);
    } catch (InvocationTargetException e) {
      // The server answers 404: the request was sent, which is all this check needs.
      if (!(e.getCause() instanceof dev.titanj.core.TitanException)) {
        throw new AssertionError(what + ": " + e.getCause(), e.getCause());
      }
    }
    RecordedRequest r = server.take();
    Object sent = JSON.fromJson(ApiServer.body(r));
    if (bodyParam instanceof ParameterizedType) {
      assertThat(sent).as(what).isInstanceOf(List.class);
      sent = ((List<?>) sent).get(0);
    }
    assertThat(same(expected, sent)).as(what + ": expected " + expected + " but sent " + sent)
        .isTrue();
  }

  /** Wire equality: a decimal or date-time may come back in another spelling of the same value. */
  private static boolean same(Object expected, Object actual) {
    if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      if (!e.keySet().equals(a.keySet())) {
        return false;
      }
      for (Object k : e.keySet()) {
        if (!same(e.get(k), a.get(k))) {
          return false;
        }
      }
      return true;
    }
    if (expected instanceof List<?> e && actual instanceof List<?> a) {
      if (e.size() != a.size()) {
        return false;
      }
      for (int i = 0; i < e.size(); i++) {
        if (!same(e.get(i), a.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (java.util.Objects.equals(expected, actual)) {
      return true;
    }
    try {
      if (expected instanceof String s && actual instanceof Number d) {
        return new BigDecimal(s).compareTo(new BigDecimal(d.toString())) == 0;
      }
      if (expected instanceof String s && actual instanceof String t) {
        return Instant.parse(s).equals(Instant.parse(t));
      }
    } catch (RuntimeException notThatType) {
      return false;
    }
    return false;
  }

  static Object argument(Type t, Method m) {
    Class<?> c = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    if (c == long.class || c == Long.class) {
      return 7L;
    }
    if (c == int.class || c == Integer.class) {
      return 3;
    }
    if (c == boolean.class || c == Boolean.class) {
      return true;
    }
    if (c == String.class) {
      return "x";
    }
    if (c == UUID.class) {
      return UUID.fromString("7f1f8f62-2f1c-4d27-9b7e-3b8e6f3a1c55");
    }
    if (c == Instant.class) {
      return Instant.parse("2025-01-02T03:04:05Z");
    }
    if (c == LocalDate.class) {
      return LocalDate.of(2025, 1, 2);
    }
    if (c.isEnum()) {
      for (Object e : c.getEnumConstants()) {
        if (!((Enum<?>) e).name().equals("UNKNOWN")) {
          return e;
        }
      }
    }
    if (Collection.class.isAssignableFrom(c) && t instanceof ParameterizedType p) {
      return List.of(argument(p.getActualTypeArguments()[0], m));
    }
    throw new AssertionError("no sample argument of " + t + " for " + m);
  }

  private static List<Method> attributes(Class<?> type) {
    List<Method> out = new ArrayList<>();
    for (Method a : type.getMethods()) {
      if (Modifier.isAbstract(a.getModifiers()) && a.getParameterCount() == 0
          && a.getDeclaringClass() != TitanRequest.class) {
        out.add(a);
      }
    }
    out.sort(java.util.Comparator.comparing(Method::getName));
    return out;
  }

  private static boolean isOptional(Method a) {
    Class<?> r = a.getReturnType();
    return r == Optional.class || r == OptionalLong.class || r == OptionalInt.class
        || r == OptionalDouble.class || a.isAnnotationPresent(dev.titanj.core.json.Nullable.class);
  }

  private static String jsonName(Method a) {
    WireName w = a.getAnnotation(WireName.class);
    return w != null ? w.value() : a.getName();
  }
}
