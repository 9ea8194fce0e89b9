package dev.titanj.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSink;

/**
 * A loopback HTTP proxy in front of one or more fake ServiceTitan servers that injects faults
 * the fake itself does not offer (429 without {@code Retry-After}, real truncation against the
 * declared length, seeded random fault mixes, redirects) and routes tenants to different
 * upstreams. Every request is numbered in arrival order; a {@link Rule} decides per request
 * whether to forward it or to answer with a fault.
 */
final class FaultProxy implements AutoCloseable {

  /** What the proxy does with one request. */
  enum Fault {
    NONE, RATE_LIMIT_NO_HEADER, RATE_LIMIT_SECONDS, RATE_LIMIT_DATE, BAD_GATEWAY,
    UNAVAILABLE, GATEWAY_TIMEOUT, DROP_MID_BODY, DROP_BEFORE_RESPONSE, TRUNCATE, SLOW, WRONG_TYPE, REDIRECT,
    /** Answers with the status in the name, echoing the request's headers and body everywhere. */
    ECHO_400, ECHO_401, ECHO_403, ECHO_404, ECHO_409, ECHO_500, ECHO_503,
    /** 429 with the {@code Retry-After} value set by {@link #retryAfter(String)}. */
    RATE_LIMIT_CUSTOM,
    /** Forwards, then passes the body text through the {@link #rewriter(Rewriter)}. */
    REWRITE,
    /** Forwards a list request as page 1, whatever page was asked for. */
    REPEAT_FIRST_PAGE,
    /** Forwards, then replaces the first {@code "name":"} value's first byte with 0xFF. */
    INVALID_UTF8,
    /** Forwards, then closes the connection silently once the response is written. */
    CLOSE_AFTER_RESPONSE;

    boolean isEcho() {
      return name().startsWith("ECHO_");
    }
  }

  /** Rewrites a forwarded body ({@link Fault#REWRITE}). */
  @FunctionalInterface
  interface Rewriter {
    String rewrite(RecordedRequest request, String body);
  }

  /** Chooses the fault for the {@code index}th request (1-based). */
  @FunctionalInterface
  interface Rule {
    Fault choose(RecordedRequest request, int index);
  }

  /** Faults applied to the first {@code n} matching requests, then none. */
  static Rule firstN(int n, Fault fault) {
    AtomicInteger left = new AtomicInteger(n);
    return (r, i) -> !isToken(r) && left.getAndDecrement() > 0 ? fault : Fault.NONE;
  }

  /** Every request answered with {@code fault}, token requests aside. */
  static Rule always(Fault fault) {
    return (r, i) -> isToken(r) ? Fault.NONE : fault;
  }

  /**
   * A seeded random mix: each resource request gets a transient fault with probability
   * {@code rate}, drawn evenly from {@code kinds}.
   */
  static Rule random(long seed, double rate, Fault... kinds) {
    SplittableRandom random = new SplittableRandom(seed);
    return (r, i) -> {
      if (isToken(r)) {
        return Fault.NONE;
      }
      synchronized (random) {
        return random.nextDouble() < rate ? kinds[random.nextInt(kinds.length)] : Fault.NONE;
      }
    };
  }

  static boolean isToken(RecordedRequest r) {
    return r.getUrl().encodedPath().equals("/connect/token");
  }

  /** One request as the proxy saw it. */
  static final class Seen {
    final String method;
    final String path;
    final Fault fault;
    final int connection;
    final Headers headers;

    Seen(String method, String path, Fault fault, int connection, Headers headers) {
      this.method = method;
      this.path = path;
      this.fault = fault;
      this.connection = connection;
      this.headers = headers;
    }

    @Override
    public String toString() {
      return method + " " + path + " " + fault;
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient forwarder = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false).followRedirects(false).followSslRedirects(false)
      .readTimeout(30, TimeUnit.SECONDS).build();
  private final AtomicInteger counter = new AtomicInteger();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Set<Integer> connections = ConcurrentHashMap.newKeySet();
  private volatile Function<RecordedRequest, URI> upstream;
  private volatile Rule rule = (r, i) -> Fault.NONE;
  private volatile long slowMillis = 2_000;
  private volatile String redirectTarget = "http://localhost:1";

  /** A proxy that forwards everything to {@code upstream}. */
  FaultProxy(URI upstream) {
    this(r -> upstream);
  }

  /** A proxy that forwards each request to the base URL {@code router} picks. */
  FaultProxy(Function<RecordedRequest, URI> router) {
    this.upstream = router;
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        try {
          server.takeRequest(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        int index = counter.incrementAndGet();
        Fault fault = rule.choose(request, index);
        seen.add(new Seen(request.getMethod(), request.getUrl().encodedPath(), fault,
            request.getConnectionIndex(), request.getHeaders()));
        connections.add(request.getConnectionIndex());
        return answer(request, fault);
      }
    });
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private volatile Rewriter rewriter = (r, b) -> b;
  private volatile String retryAfter = "1";

  FaultProxy rewriter(Rewriter rewriter) {
    this.rewriter = rewriter;
    return this;
  }

  FaultProxy retryAfter(String value) {
    this.retryAfter = value;
    return this;
  }

  FaultProxy rule(Rule rule) {
    this.rule = rule;
    return this;
  }

  /** How long a {@link Fault#SLOW} response waits before its headers. */
  FaultProxy slowMillis(long millis) {
    this.slowMillis = millis;
    return this;
  }

  /** Where {@link Fault#REDIRECT} points: another host. */
  FaultProxy redirectTo(URI target) {
    this.redirectTarget = target.toString();
    return this;
  }

  /** http://127.0.0.1:port */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  /** Forgets the requests seen so far. */
  void clearSeen() {
    seen.clear();
  }

  long count(Fault fault) {
    return seen.stream().filter(s -> s.fault == fault).count();
  }

  /** Distinct TCP connections the proxy accepted. */
  int connectionCount() {
    return connections.size();
  }

  private MockResponse answer(RecordedRequest request, Fault fault) {
    if (fault.isEcho()) {
      return echo(Integer.parseInt(fault.name().substring(5)), request);
    }
    switch (fault) {
      case RATE_LIMIT_NO_HEADER:
        return error(429, "Too many requests.").build();
      case RATE_LIMIT_SECONDS:
        return error(429, "Too many requests.").setHeader("Retry-After", "2").build();
      case RATE_LIMIT_CUSTOM:
        return error(429, "Too many requests.").setHeader("Retry-After", retryAfter).build();
      case REPEAT_FIRST_PAGE: {
        HttpUrl first = request.getUrl().newBuilder().setQueryParameter("page", "1").build();
        return forward(request, first.encodedQuery());
      }
      case RATE_LIMIT_DATE:
        return error(429, "Too many requests.").setHeader("Retry-After",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.now().plusSeconds(5).atZone(ZoneOffset.UTC))).build();
      case REDIRECT:
        return new MockResponse.Builder().code(302)
            .setHeader("Location", redirectTarget + request.getUrl().encodedPath()).build();
      case BAD_GATEWAY:
        return error(502, "Bad gateway.").build();
      case UNAVAILABLE:
        return error(503, "Service unavailable.").build();
      case GATEWAY_TIMEOUT:
        return error(504, "Gateway timeout.").build();
      default:
        break;
    }
    MockResponse ok = forward(request);
    switch (fault) {
      case DROP_MID_BODY:
        return ok.newBuilder().onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
      case TRUNCATE:
        return truncate(ok);
      case DROP_BEFORE_RESPONSE:
        // The upstream has processed the request; the client never sees an answer.
        return ok.newBuilder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
      case SLOW:
        return ok.newBuilder().headersDelay(slowMillis, TimeUnit.MILLISECONDS).build();
      case REWRITE:
        return ok.newBuilder().body(rewriter.rewrite(request, bodyText(ok))).build();
      case INVALID_UTF8: {
        String text = bodyText(ok);
        int at = text.indexOf("\"name\":\"");
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (at >= 0) {
          bytes[text.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8).length
              + 8] = (byte) 0xff;
        }
        return ok.newBuilder().body(new Buffer().write(bytes)).build();
      }
      case CLOSE_AFTER_RESPONSE:
        return ok.newBuilder().onResponseEnd(new SocketEffect.CloseSocket()).build();
      case WRONG_TYPE:
        return ok.newBuilder().body(bodyText(ok)
            .replaceFirst("\"active\":(true|false)", "\"active\":\"maybe\"")).build();
      default:
        return ok;
    }
  }

  /**
   * A hostile answer: the request's headers and body (a token request's form with the client
   * secret) copied into the title, trace id, field errors and response headers.
   */
  static MockResponse echo(int status, RecordedRequest request) {
    Headers h = request.getHeaders();
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < h.size(); i++) {
      all.append(h.name(i)).append(": ").append(h.value(i)).append("; ");
    }
    String form = request.getBody() == null ? "" : request.getBody().utf8();
    String decoded = java.net.URLDecoder.decode(form, java.nio.charset.StandardCharsets.UTF_8);
    String auth = h.get("Authorization") == null ? "" : h.get("Authorization");
    String bare = auth.substring(auth.indexOf(' ') + 1);
    String body = "{\"type\":" + quote("urn:echo:" + bare) + ",\"title\":"
        + quote("you sent " + all + form) + ",\"status\":" + status + ",\"traceId\":"
        + quote(bare) + ",\"error\":" + quote("invalid_client " + decoded)
        + ",\"error_description\":" + quote(decoded) + ",\"errors\":{" + quote(bare + decoded)
        + ":[" + quote("key " + h.get("ST-App-Key") + " form " + decoded) + "]}}";
    return new MockResponse.Builder().code(status)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .setHeader("X-Echo-Token", bare.isEmpty() ? "-" : bare)
        .setHeader("X-Echo-Key", String.valueOf(h.get("ST-App-Key")))
        .setHeader("X-Echo-Form", form.isEmpty() ? "-" : form)
        .body(body).build();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String bodyText(MockResponse r) {
    Buffer b = new Buffer();
    try {
      r.getBody().writeTo(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.readUtf8();
  }

  /** Declares the full length, sends half of the body, then closes the connection. */
  private static MockResponse truncate(MockResponse ok) {
    Buffer full = new Buffer();
    try {
      ok.getBody().writeTo(full);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long length = full.size();
    byte[] half;
    try {
      half = full.readByteArray(length / 2);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MockResponseBody body = new MockResponseBody() {
      @Override
      public long getContentLength() {
        return length;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.write(half);
        sink.flush();
      }
    };
    return ok.newBuilder().body(body).onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
        .build();
  }

  private static MockResponse.Builder error(int status, String title) {
    return new MockResponse.Builder().code(status)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body("{\"type\":\"https://tools.ietf.org/html/rfc7231\",\"title\":\"" + title
            + "\",\"status\":" + status + ",\"traceId\":\"proxy-" + status + "\"}");
  }

  private MockResponse forward(RecordedRequest request) {
    return forward(request, request.getUrl().encodedQuery());
  }

  private MockResponse forward(RecordedRequest request, String query) {
    URI base = upstream.apply(request);
    HttpUrl in = request.getUrl();
    String target = base.toString() + in.encodedPath() + (query == null ? "" : "?" + query);
    Request.Builder b = new Request.Builder().url(target);
    Headers h = request.getHeaders();
    for (int i = 0; i < h.size(); i++) {
      String name = h.name(i).toLowerCase(Locale.ROOT);
      if (!name.equals("host") && !name.equals("content-length") && !name.equals("connection")
          && !name.equals("accept-encoding") && !name.equals("transfer-encoding")) {
        b.addHeader(h.name(i), h.value(i));
      }
    }
    String method = request.getMethod();
    RequestBody body = null;
    if (!method.equals("GET") && !method.equals("HEAD")) {
      String ct = h.get("Content-Type");
      body = RequestBody.create(request.getBody() == null ? new byte[0]
          : request.getBody().toByteArray(), ct == null ? null : MediaType.parse(ct));
    }
    b.method(method, body);
    try (Response r = forwarder.newCall(b.build()).execute()) {
      MockResponse.Builder out = new MockResponse.Builder().code(r.code());
      for (int i = 0; i < r.headers().size(); i++) {
        String name = r.headers().name(i).toLowerCase(Locale.ROOT);
        if (!name.equals("content-length") && !name.equals("transfer-encoding")
            && !name.equals("connection")) {
          out.addHeader(r.headers().name(i), r.headers().value(i));
        }
      }
      Buffer buffer = new Buffer();
      buffer.write(r.body().bytes());
      return out.body(buffer).build();
    } catch (IOException e) {
      return error(502, "proxy could not reach upstream: " + e.getClass().getSimpleName())
          .build();
    }
  }

  @Override
  public void close() {
    server.close();
    forwarder.dispatcher().executorService().shutdown();
    forwarder.connectionPool().evictAll();
  }
}
