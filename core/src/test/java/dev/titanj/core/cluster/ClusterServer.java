package dev.titanj.core.cluster;

import dev.titanj.core.Environment;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The loopback ServiceTitan the cluster tests' instances share: a token endpoint issuing {@code
 * tok-1}, {@code tok-2}... (optionally slow, per client id), and the sample resource's get and
 * patch by id, per tenant. Records each API request's method, path and bearer token.
 */
final class ClusterServer implements AutoCloseable {
  private static final Pattern ONE = Pattern.compile("/test/v2/tenant/(\\d+)/samples/(\\d+)");
  private static final Pattern CLIENT_ID = Pattern.compile("client_id=([^&]*)");

  /** One API request as the server saw it. */
  static final class Seen {
    final String method;
    final String path;
    final String bearer;

    Seen(String method, String path, String bearer) {
      this.method = method;
      this.path = path;
      this.bearer = bearer;
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final List<String> tokenClients = new CopyOnWriteArrayList<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Map<String, String> names = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> rejections = new ConcurrentHashMap<>();
  private volatile long tokenDelayMillis;
  private final AtomicReference<Runnable> beforeNextGetAnswer = new AtomicReference<>();

  ClusterServer() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return handle(request);
      }
    });
    server.start();
  }

  /** The token endpoint answers after this delay, so concurrent callers overlap. */
  ClusterServer tokenDelay(long millis) {
    this.tokenDelayMillis = millis;
    return this;
  }

  /** The next {@code times} API requests bearing {@code token} are answered 401. */
  ClusterServer reject(String token, int times) {
    rejections.put(token, new AtomicInteger(times));
    return this;
  }

  /**
   * Runs {@code action} once, while the next GET is between reading its record and answering:
   * the answer carries the record as it was before the action.
   */
  ClusterServer beforeNextGetAnswer(Runnable action) {
    beforeNextGetAnswer.set(action);
    return this;
  }

  Environment environment() {
    String base = server.url("/").toString();
    return Environment.custom(base, base);
  }

  /** A client of {@code tenant} with the fake credentials, no retries and a sleeper that never sleeps. */
  ServiceTitan.Builder client(long tenant, String clientId) {
    return ServiceTitan.builder()
        .environment(environment())
        .clientCredentials(clientId, "secret-of-" + clientId)
        .appKey("app-key")
        .tenant(tenant)
        .retryPolicy(RetryPolicy.none())
        .sleeper(d -> { });
  }

  int tokensIssued() {
    return tokensIssued.get();
  }

  /** Client ids of the token requests, in arrival order. */
  List<String> tokenClients() {
    return List.copyOf(tokenClients);
  }

  List<Seen> requests() {
    return List.copyOf(seen);
  }

  long count(String method) {
    return seen.stream().filter(s -> s.method.equals(method)).count();
  }

  private MockResponse handle(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/connect/token")) {
      Matcher id = CLIENT_ID.matcher(request.getBody() == null ? "" : request.getBody().utf8());
      tokenClients.add(id.find() ? id.group(1) : "?");
      int n = tokensIssued.incrementAndGet();
      return new MockResponse.Builder().code(200)
          .setHeader("Content-Type", "application/json")
          .headersDelay(tokenDelayMillis, TimeUnit.MILLISECONDS)
          .body("{\"access_token\":\"tok-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":900}")
          .build();
    }
    String auth = request.getHeaders().get("Authorization");
    String bearer = auth == null ? null : auth.replaceFirst("^Bearer ", "");
    seen.add(new Seen(request.getMethod(), path, bearer));
    AtomicInteger reject = bearer == null ? null : rejections.get(bearer);
    if (reject != null && reject.getAndDecrement() > 0) {
      return json(401, "{\"title\":\"Unauthorized\",\"status\":401}");
    }
    Matcher m = ONE.matcher(path);
    if (!m.matches()) {
      return json(404, "{\"title\":\"no such path\",\"status\":404}");
    }
    String key = m.group(1) + "/" + m.group(2);
    if (request.getMethod().equals("PATCH")) {
      Matcher n = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"").matcher(request.getBody().utf8());
      if (n.find()) {
        names.put(key, n.group(1));
      }
    }
    String name = names.getOrDefault(key, "sample-" + m.group(2));
    Runnable action = request.getMethod().equals("GET") ? beforeNextGetAnswer.getAndSet(null) : null;
    if (action != null) {
      action.run();
    }
    return json(200, "{\"id\":" + m.group(2) + ",\"name\":\"" + name + "\",\"active\":true}");
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .body(body).build();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
