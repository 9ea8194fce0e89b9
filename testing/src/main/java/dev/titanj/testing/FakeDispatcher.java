package dev.titanj.testing;

import dev.titanj.testing.internal.ApiError;
import dev.titanj.testing.internal.FakeStore;
import dev.titanj.testing.internal.Json;
import dev.titanj.testing.internal.ResourceRegistry;
import dev.titanj.testing.internal.ResourceSpec;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okio.Buffer;

/** Answers every request of the fake server: token endpoint, resources, faults and the log. */
final class FakeDispatcher extends Dispatcher {
  static final String MISSING_APP_KEY = "Application key not present, check ST-App-Key header value.";
  private static final Pattern RESOURCE =
      Pattern.compile("^/([a-z0-9-]+)/v[0-9]+/tenant/([^/]+)/(.+)$");

  private static final class Grant {
    final Instant expiresAt;

    Grant(Instant expiresAt) {
      this.expiresAt = expiresAt;
    }
  }

  private final FakeServiceTitan.Options options;
  private final FakeStore store;
  private final ResourceRegistry registry;
  private final Faults faults;
  private final MockWebServer server;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
  private final AtomicLong tokenRequests = new AtomicLong();
  private final AtomicLong traceIds = new AtomicLong();
  private final Map<String, AtomicLong> perPath = new ConcurrentHashMap<>();
  private final Deque<LoggedRequest> log = new ArrayDeque<>();

  FakeDispatcher(FakeServiceTitan.Options options, FakeStore store, ResourceRegistry registry,
      Faults faults, MockWebServer server) {
    this.options = options;
    this.store = store;
    this.registry = registry;
    this.faults = faults;
    this.server = server;
  }

  long tokenRequests() {
    return tokenRequests.get();
  }

  Map<String, Long> requestCounts() {
    Map<String, Long> out = new LinkedHashMap<>();
    perPath.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  List<LoggedRequest> requests() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  void clearRequests() {
    synchronized (log) {
      log.clear();
    }
  }

  /** Forgets every issued token, as if they had all expired. */
  void revokeTokens() {
    tokens.clear();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    // MockWebServer queues every request for takeRequest(); drain it so memory stays flat.
    try {
      server.takeRequest(0, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    HttpUrl url = request.getUrl();
    String path = url.encodedPath();
    perPath.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
    boolean token = path.equals("/connect/token");
    Outcome out;
    try {
      out = token ? token(request) : resource(request, url, path);
    } catch (ApiError e) {
      out = new Outcome(json(e.status(), e.body(traceId())), Faults.Kind.NONE);
    } catch (RuntimeException e) {
      out = new Outcome(json(500, new ApiError(500, "Internal error in the fake server: "
          + e.getClass().getSimpleName() + ": " + e.getMessage()).body(traceId())), Faults.Kind.NONE);
    }
    MockResponse response = out.response;
    log(request, url, path, token, out.kind == Faults.Kind.DROP_MID_BODY ? 0 : response.getCode());
    return response;
  }

  private static final class Outcome {
    final MockResponse response;
    final Faults.Kind kind;

    Outcome(MockResponse response, Faults.Kind kind) {
      this.response = response;
      this.kind = kind;
    }
  }

  // ---------------------------------------------------------------- token endpoint

  private Outcome token(RecordedRequest request) {
    tokenRequests.incrementAndGet();
    Faults.Decision d = faults.nextToken();
    MockResponse r;
    if (!"POST".equals(request.getMethod())) {
      r = oauthError(405, "invalid_request");
    } else if (d.kind == Faults.Kind.SERVER_ERROR) {
      r = new MockResponse.Builder().code(500).setHeader("Content-Type", "text/plain")
          .body("Internal Server Error").build();
    } else {
      Map<String, String> form = form(request.getBody() == null ? "" : request.getBody().utf8());
      if (!"client_credentials".equals(form.get("grant_type"))) {
        r = oauthError(400, form.get("grant_type") == null ? "invalid_request" : "unsupported_grant_type");
      } else if (!options.clientId.equals(form.get("client_id"))
          || !options.clientSecret.equals(form.get("client_secret"))) {
        r = oauthError(options.invalidClientStatus, "invalid_client");
      } else {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long seconds = options.tokenLifetime.getSeconds();
        tokens.put(value, new Grant(store.clock().instant().plusSeconds(seconds)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", value);
        body.put("expires_in", seconds);
        body.put("token_type", "Bearer");
        body.put("scope", "tn.crm tn.acc tn.stt tn.dis");
        r = json(200, body);
      }
    }
    return new Outcome(delayed(r, d.delayMillis), Faults.Kind.NONE);
  }

  private MockResponse oauthError(int status, String error) {
    return json(status, Map.of("error", error));
  }

  static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    HttpUrl parsed = HttpUrl.parse("http://form.invalid/?" + body);
    if (parsed != null) {
      for (String name : parsed.queryParameterNames()) {
        out.put(name, parsed.queryParameter(name));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- resources

  private Outcome resource(RecordedRequest request, HttpUrl url, String path) {
    Faults.Decision d = faults.nextResource();
    if (d.kind == Faults.Kind.RATE_LIMIT) {
      String retryAfter = d.retryAfterAsDate
          ? DateTimeFormatter.RFC_1123_DATE_TIME.format(
              store.clock().instant().plus(d.retryAfter).atZone(ZoneOffset.UTC))
          : Long.toString(Math.max(0, d.retryAfter.getSeconds()));
      MockResponse r = json(429, new ApiError(429, "Too many requests.").body(traceId()))
          .newBuilder().setHeader("Retry-After", retryAfter).build();
      return new Outcome(delayed(r, d.delayMillis), d.kind);
    }
    if (d.kind == Faults.Kind.SERVER_ERROR) {
      MockResponse r = json(d.status, new ApiError(d.status, "Service unavailable.").body(traceId()));
      return new Outcome(delayed(r, d.delayMillis), d.kind);
    }
    MockResponse ok = handle(request, url, path);
    MockResponse r = ok;
    if (ok.getCode() == 200 && d.kind != Faults.Kind.NONE) {
      String text = bodyText(ok);
      switch (d.kind) {
        case DROP_MID_BODY:
          r = ok.newBuilder().onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
          break;
        case TRUNCATE:
          r = ok.newBuilder().body(text.substring(0, text.length() / 2)).build();
          break;
        case MALFORMED:
          r = ok.newBuilder().body(text.replaceFirst(":", " ")).build();
          break;
        default:
          break;
      }
    }
    return new Outcome(delayed(r, d.delayMillis), d.kind);
  }

  private MockResponse handle(RecordedRequest request, HttpUrl url, String path) {
    Matcher m = RESOURCE.matcher(path);
    String appKey = request.getHeaders().get("ST-App-Key");
    if (appKey == null) {
      appKey = url.queryParameter("servicetitanapplicationkey");
    }
    if (appKey == null || appKey.isBlank()) {
      throw new ApiError(401, MISSING_APP_KEY);
    }
    if (!appKey.equals(options.appKey)) {
      throw new ApiError(401, "Application key is not valid, check ST-App-Key header value.");
    }
    String auth = request.getHeaders().get("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiError(401, "Authorization header with a bearer token is required.");
    }
    Grant grant = tokens.get(auth.substring(7).trim());
    if (grant == null || !store.clock().instant().isBefore(grant.expiresAt)) {
      throw new ApiError(401, "The access token is invalid or has expired.");
    }
    if (!m.matches()) {
      throw ApiError.notFound("No endpoint at " + path);
    }
    String module = m.group(1);
    String tenant = m.group(2);
    String rest = m.group(3);
    if (module.equals("reporting") && tenant.equals(Long.toString(options.tenantId))) {
      // The Reporting API: curated categories, reports and paged report data.
      Map<String, Object> answer = dev.titanj.testing.internal.FakeReports.handle(
          request.getMethod(), rest, query(url),
          "POST".equals(request.getMethod()) ? bodyObject(request) : null);
      if (answer != null) {
        return json(200, Json.write(answer));
      }
    }
    if (!registry.modules().contains(module)) {
      throw ApiError.notFound("No endpoint at " + path);
    }
    if (!tenant.equals(Long.toString(options.tenantId))) {
      throw new ApiError(403, "Provided authentication is insufficient to grant access to tenant "
          + tenant + ".");
    }
    ResourceRegistry.Route route = registry.resolve(module, rest);
    if (route == null) {
      throw ApiError.notFound("No endpoint at " + path);
    }
    Map<String, List<String>> query = query(url);
    String method = request.getMethod();
    ResourceSpec spec = route.spec;
    switch (route.kind) {
      case LIST:
        if ("GET".equals(method) && spec.hasList()) {
          if (spec.shape() == ResourceSpec.Shape.ARRAY_PAGED) {
            return json(200, store.read(() -> Json.write(store.list(spec, query).get("data"))));
          }
          if (spec.shape() != ResourceSpec.Shape.PAGED) {
            return json(200, store.read(() -> Json.write(store.unpaged(spec))));
          }
          return json(200, store.read(() -> Json.write(store.list(spec, query))));
        }
        if ("POST".equals(method) && spec.canCreate()) {
          Map<String, Object> body = bodyObject(request);
          return json(200, store.write(() -> Json.write(store.create(spec, body).json)));
        }
        break;
      case ITEM: {
        if ("GET".equals(method) && spec.hasGet()) {
          return json(200, store.read(() -> Json.write(store.get(spec, route.id))));
        }
        if (("PATCH".equals(method) || "PUT".equals(method)) && spec.canUpdate()) {
          if (!route.id.matches("\\d{1,18}")) {
            throw ApiError.notFound("No record with id " + route.id);
          }
          long id = Long.parseLong(route.id);
          Map<String, Object> body = bodyObject(request);
          boolean put = "PUT".equals(method);
          return json(200, store.write(() -> Json.write(store.update(spec, id, body, put).json)));
        }
        if ("GET".equals(method)) {
          throw ApiError.notFound("No endpoint at " + path);
        }
        break;
      }
      case EXPORT:
        if ("GET".equals(method)) {
          return json(200, store.read(() -> Json.write(store.export(spec, query))));
        }
        break;
      default:
        break;
    }
    throw new ApiError(405, "Method " + method + " is not allowed on " + path);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> bodyObject(RecordedRequest request) {
    String text = request.getBody() == null ? "" : request.getBody().utf8();
    Object parsed;
    try {
      parsed = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("body", "The request body is not valid JSON.");
    }
    if (!(parsed instanceof Map)) {
      throw ApiError.badRequest("body", "The request body must be a JSON object.");
    }
    return (Map<String, Object>) parsed;
  }

  static Map<String, List<String>> query(HttpUrl url) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < url.querySize(); i++) {
      out.computeIfAbsent(url.queryParameterName(i), k -> new ArrayList<>())
          .add(url.queryParameterValue(i) == null ? "" : url.queryParameterValue(i));
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  private String traceId() {
    return String.format("fake-%016x", traceIds.incrementAndGet());
  }

  private static MockResponse json(int status, Object body) {
    String text = body instanceof String ? (String) body : Json.write(body);
    return new MockResponse.Builder().code(status)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(text).build();
  }

  private static MockResponse delayed(MockResponse r, long millis) {
    return millis <= 0 ? r : r.newBuilder().headersDelay(millis, TimeUnit.MILLISECONDS).build();
  }

  private static String bodyText(MockResponse r) {
    Buffer b = new Buffer();
    try {
      if (r.getBody() != null) {
        r.getBody().writeTo(b);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return b.readUtf8();
  }

  private void log(RecordedRequest request, HttpUrl url, String path, boolean token, int status) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : request.getHeaders().names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      boolean secret = lower.equals("authorization") || lower.equals("st-app-key");
      List<String> values = new ArrayList<>();
      for (String v : request.getHeaders().values(name)) {
        values.add(secret ? "<redacted>" : v);
      }
      headers.put(lower, List.copyOf(values));
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    query(url).forEach((k, v) -> query.put(k,
        k.equalsIgnoreCase("servicetitanapplicationkey") ? List.of("<redacted>") : List.copyOf(v)));
    String body = token || request.getBody() == null || request.getBody().size() == 0
        ? null : request.getBody().utf8();
    LoggedRequest entry = new LoggedRequest(request.getMethod(), path, query, headers, body,
        status, store.clock().instant());
    synchronized (log) {
      log.addLast(entry);
      while (log.size() > options.requestLogLimit) {
        log.removeFirst();
      }
    }
  }

}
