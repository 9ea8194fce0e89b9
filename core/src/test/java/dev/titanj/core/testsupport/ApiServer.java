package dev.titanj.core.testsupport;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.Environment;
import dev.titanj.core.RateLimit;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback ServiceTitan for module tests: answers {@code POST /connect/token}, then serves
 * queued JSON answers in order and records every API request. Published in core's test-jar for
 * the module tests.
 */
public final class ApiServer implements AutoCloseable {
  public static final long TENANT = 42L;

  private final MockWebServer server = new MockWebServer();
  private final BlockingQueue<MockResponse> answers = new LinkedBlockingQueue<>();
  private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
  private final List<ServiceTitan> clients = new ArrayList<>();
  private volatile java.util.function.Function<RecordedRequest, MockResponse> responder;

  public ApiServer() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if ("POST".equals(request.getMethod()) && "/connect/token".equals(request.getUrl().encodedPath())) {
          return json(200, "{\"access_token\":\"t\",\"expires_in\":900}");
        }
        requests.add(request);
        MockResponse next = answers.poll();
        java.util.function.Function<RecordedRequest, MockResponse> r = responder;
        if (next == null && r != null) {
          next = r.apply(request);
        }
        return next != null ? next : json(404, "{\"title\":\"nothing queued\",\"status\":404}");
      }
    });
    try {
      server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .body(body).build();
  }

  /** A client of this server with default caching, no retries and no rate limit. */
  public ServiceTitan client() {
    return client(CacheSettings.defaults());
  }

  public ServiceTitan client(CacheSettings cache) {
    String base = server.url("/").toString();
    ServiceTitan st = ServiceTitan.builder()
        .environment(Environment.custom(base, base))
        .clientCredentials("client-id", "client-secret")
        .appKey("app-key")
        .tenant(TENANT)
        .retryPolicy(RetryPolicy.none())
        .rateLimit(RateLimit.unlimited())
        .cache(cache)
        .build();
    clients.add(st);
    return st;
  }

  /**
   * Answers requests for which nothing is queued with {@code responder} (a null answer is a
   * 404); null restores the plain 404.
   */
  public ApiServer respondWith(java.util.function.Function<RecordedRequest, MockResponse> responder) {
    this.responder = responder;
    return this;
  }

  /** Queues a 200 answer with this JSON body. */
  public ApiServer answer(String jsonBody) {
    answers.add(json(200, jsonBody));
    return this;
  }

  /** Queues an answer with this status and JSON body (or none when null). */
  public ApiServer answer(int code, String jsonBody) {
    answers.add(jsonBody == null ? new MockResponse.Builder().code(code).build() : json(code, jsonBody));
    return this;
  }

  /** The next API request (token requests excluded). */
  public RecordedRequest take() {
    try {
      RecordedRequest r = requests.poll(5, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("no request arrived");
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** API requests received and not yet taken. */
  public int pending() {
    return requests.size();
  }

  /** The request line target without the tenant prefix, decoded: {@code GET crm/.../customers?x=y}. */
  public static String line(RecordedRequest r) {
    return r.getMethod() + " " + java.net.URLDecoder.decode(r.getTarget(), java.nio.charset.StandardCharsets.UTF_8);
  }

  public static String body(RecordedRequest r) {
    return r.getBody() == null ? "" : r.getBody().utf8();
  }

  @Override
  public void close() {
    clients.forEach(ServiceTitan::close);
    server.close();
  }
}
