package dev.titanj.core.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.ListQuery;
import dev.titanj.core.OperationDescriptor;
import dev.titanj.core.Repository;
import dev.titanj.core.ResourceDescriptor;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.json.TitanJson;
import dev.titanj.core.json.TitanValue;
import dev.titanj.core.spi.TitanModule;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Proves which operations a module's public repository methods reach, by calling every one of
 * them with sample arguments against an {@link ApiServer} that answers each request in the
 * shape its {@link OperationDescriptor} declares, and matching the requests to the descriptors.
 * Published in core's test-jar for the module tests.
 */
public final class Reachability {
  private final List<Route> routes = new ArrayList<>();

  /** One public repository method and the operation it sent. */
  public record Hit(String operationId, Repository<?, ?> repository, Method method) {}

  private record Route(OperationDescriptor op, String method, Pattern path, int literals) {}

  private Reachability(TitanModule module) {
    for (ResourceDescriptor<?, ?> d : module.resources()) {
      for (OperationDescriptor op : d.operations()) {
        StringBuilder re = new StringBuilder("/");
        int literals = 0;
        for (String seg : op.path().split("/")) {
          if (re.length() > 1) {
            re.append('/');
          }
          if (seg.equals("{tenant}")) {
            re.append(ApiServer.TENANT);
          } else if (seg.startsWith("{")) {
            re.append("[^/]+");
          } else {
            re.append(Pattern.quote(seg));
            literals++;
          }
        }
        routes.add(new Route(op, op.method(), Pattern.compile(re.toString()), literals));
      }
    }
  }

  /** The routes of {@code module}'s descriptors. */
  public static Reachability of(TitanModule module) {
    return new Reachability(module);
  }

  /** The operation {@code request} was sent to (the most literal matching path), or null. */
  public OperationDescriptor match(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    Route best = null;
    for (Route r : routes) {
      if (r.method.equals(request.getMethod()) && r.path.matcher(path).matches()
          && (best == null || r.literals > best.literals)) {
        best = r;
      }
    }
    return best == null ? null : best.op;
  }

  /** An answer in the shape {@code op} declares, with a sample record where one is expected. */
  public static MockResponse answer(OperationDescriptor op) {
    String body;
    switch (op.shape()) {
      case PAGE:
        body = "{\"page\":1,\"pageSize\":1,\"hasMore\":false,\"data\":[]}";
        break;
      case ARRAY_PAGE:
      case ARRAY:
        body = "[]";
        break;
      case EXPORT:
        body = "{\"hasMore\":false,\"continueFrom\":\"c\",\"data\":[]}";
        break;
      case OBJECT:
        body = op.itemType() == Void.class || op.itemType() == Object.class ? "{}"
            : ModuleContract.sample(op.itemType());
        break;
      case ID:
        body = "7";
        break;
      default:
        return new MockResponse.Builder().code(204).build();
    }
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body(body).build();
  }

  /**
   * Calls every public method of every repository of {@code module} on {@code st} once and
   * returns what each reached, in operation id order. Query and export results are run to their
   * first page.
   */
  public List<Hit> probe(TitanModule module, ServiceTitan st, ApiServer server) throws Exception {
    server.respondWith(r -> {
      OperationDescriptor op = match(r);
      return op == null ? null : answer(op);
    });
    List<Hit> hits = new ArrayList<>();
    try {
      for (ResourceDescriptor<?, ?> d : module.resources()) {
        Repository<?, ?> repo = d.repositoryOf(st);
        assertThat(repo.key()).as(d.name() + " repository key").isEqualTo(d.key());
        for (Method m : publicMethods(repo.getClass())) {
          while (server.pending() > 0) {
            server.take();
          }
          Object result;
          try {
            result = m.invoke(repo, arguments(repo, m));
            if (result instanceof ListQuery<?, ?> q) {
              withRequired(q).page(1);
            } else if (result instanceof ExportFeed<?> f) {
              f.iterator().hasNext();
            }
          } catch (InvocationTargetException e) {
            // An empty answer makes getById a NotFoundException: the request was still sent.
            if (!(e.getCause() instanceof dev.titanj.core.NotFoundException)) {
              throw new AssertionError(d.name() + ": " + m + " failed: " + e.getCause(), e.getCause());
            }
          }
          if (server.pending() > 0) {
            OperationDescriptor op = match(server.take());
            assertThat(op).as(m + " sent a request no descriptor of " + module.area() + " declares")
                .isNotNull();
            hits.add(new Hit(op.operationId(), repo, m));
          }
        }
      }
    } finally {
      server.respondWith(null);
    }
    hits.sort(java.util.Comparator.comparing(Hit::operationId));
    return hits;
  }

  /** {@code q} with a sample value for each parameter the API requires of it. */
  static ListQuery<?, ?> withRequired(ListQuery<?, ?> q) throws Exception {
    Method m = ListQuery.class.getDeclaredMethod("requiredParameters");
    m.setAccessible(true);
    ListQuery<?, ?> out = q;
    for (Object name : (List<?>) m.invoke(q)) {
      Method typed = typedSetter(out.getClass(), (String) name);
      out = typed != null ? (ListQuery<?, ?>) typed.invoke(out, sample(typed.getParameterTypes()[0]))
          : out.withParameter((String) name, "1");
    }
    return out;
  }

  /**
   * The query's own one-argument method for a required filter ({@code ids(Collection)} for a
   * list that requires {@code ids}): withParameter refuses names a typed method owns.
   */
  private static Method typedSetter(Class<?> query, String name) {
    for (Method t : query.getMethods()) {
      if (t.getName().equals(name) && t.getParameterCount() == 1
          && ListQuery.class.isAssignableFrom(t.getReturnType())
          && !t.getParameterTypes()[0].isArray()) {
        return t;
      }
    }
    return null;
  }

  private static Object sample(Class<?> type) {
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return List.of(1L);
    }
    if (type == String.class) {
      return "1";
    }
    if (type == long.class || type == Long.class) {
      return 1L;
    }
    if (type == int.class || type == Integer.class) {
      return 1;
    }
    if (type == boolean.class || type == Boolean.class) {
      return true;
    }
    if (type == java.time.Instant.class) {
      return java.time.Instant.parse("2025-01-01T00:00:00Z");
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    throw new IllegalStateException("no sample value for a required filter of type " + type);
  }

  /** The public instance methods a repository class declares (contract bridges excluded). */
  static List<Method> publicMethods(Class<?> repo) {
    List<Method> out = new ArrayList<>();
    for (Method m : repo.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
          && !m.isBridge() && !m.isSynthetic() && !m.getName().equals("key")) {
        out.add(m);
      }
    }
    out.sort(java.util.Comparator.comparing(Method::toGenericString));
    return out;
  }

  /** Sample arguments of {@code m}: ids, text, enums, a minimal request body, a fresh query. */
  static Object[] arguments(Object repo, Method m) throws Exception {
    Type[] types = m.getGenericParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = sample(repo, types[i], m);
    }
    if (m.isVarArgs()) {
      Class<?> component = m.getParameterTypes()[types.length - 1].getComponentType();
      Object array = java.lang.reflect.Array.newInstance(component, 1);
      java.lang.reflect.Array.set(array, 0, sample(repo, component, m));
      args[types.length - 1] = array;
    }
    return args;
  }

  private static Object sample(Object repo, Type t, Method m) throws Exception {
    Class<?> c = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    if (c == ExportCursor.class) {
      return ExportCursor.beginning();
    }
    if (ListQuery.class.isAssignableFrom(c)) {
      for (Method q : repo.getClass().getMethods()) {
        if (q.getReturnType() == c && q.getParameterCount() == 0) {
          return q.invoke(repo);
        }
      }
      throw new AssertionError("no query() to build the " + c.getSimpleName() + " of " + m);
    }
    if (c.isAnnotationPresent(TitanValue.class)) {
      return minimal(c);
    }
    if (Collection.class.isAssignableFrom(c) && t instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> e && e.isAnnotationPresent(TitanValue.class)) {
      return List.of(minimal(e));
    }
    if (Map.class.isAssignableFrom(c)) {
      return Map.of("k", "v");
    }
    if (c.isArray()) {
      return java.lang.reflect.Array.newInstance(c.getComponentType(), 0);
    }
    return WireBodies.argument(t, m);
  }

  /** A record holding only its required fields, each with a sample value. */
  static Object minimal(Class<?> type) throws Exception {
    Map<String, Object> base = WireBodies.requiredSample(type);
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) TitanJson.moshi().adapter(type);
    return adapter.fromJsonValue(base);
  }

  /** Operation id -> the Retrofit interface method's "METHOD path", for binding checks. */
  static Map<String, String> bindings(Class<?> api) {
    Map<String, String> out = new TreeMap<>();
    for (Method m : api.getMethods()) {
      out.put(m.getName(), ModuleContract.http(m));
    }
    return out;
  }

  static Optional<Method> find(Class<?> type, String name) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  static Map<String, List<Hit>> byOperation(List<Hit> hits) {
    Map<String, List<Hit>> out = new LinkedHashMap<>();
    for (Hit h : hits) {
      out.computeIfAbsent(h.operationId(), k -> new ArrayList<>()).add(h);
    }
    return out;
  }
}
