package dev.titanj.core.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher that plays both ServiceTitan hosts on one loopback port: the token
 * endpoint issues {@code token-1}, {@code token-2}... and API requests are answered from a queue
 * (then by a default handler). Records every request.
 */
public final class FakeServiceTitanServer extends Dispatcher {
  public static final String CLIENT_ID = "client-abc";
  public static final String CLIENT_SECRET = "s3cr3t-client-value";
  public static final String APP_KEY = "ak-app-key-value";
  public static final long TENANT = 1_234_567L;

  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final Deque<MockResponse> apiQueue = new ArrayDeque<>();
  private final Deque<MockResponse> tokenQueue = new ArrayDeque<>();
  private final List<RecordedRequest> apiRequests = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> tokenRequests = new CopyOnWriteArrayList<>();
  private volatile long tokenDelayMillis;
  private volatile long expiresIn = 900;
  private volatile Function<RecordedRequest, MockResponse> apiDefault =
      r -> json(200, "{\"id\":1,\"name\":\"Acme\"}");

  public static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(body).build();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (request.getUrl().encodedPath().equals("/connect/token")) {
      tokenRequests.add(request);
      synchronized (tokenQueue) {
        if (!tokenQueue.isEmpty()) {
          return new MockResponse.Builder(tokenQueue.poll())
              .headersDelay(tokenDelayMillis, TimeUnit.MILLISECONDS).build();
        }
      }
      int n = tokensIssued.incrementAndGet();
      return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .headersDelay(tokenDelayMillis, TimeUnit.MILLISECONDS)
          .body("{\"access_token\":\"token-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":"
              + expiresIn + "}")
          .build();
    }
    apiRequests.add(request);
    synchronized (apiQueue) {
      if (!apiQueue.isEmpty()) {
        return apiQueue.poll();
      }
    }
    return apiDefault.apply(request);
  }

  public FakeServiceTitanServer enqueue(MockResponse... responses) {
    synchronized (apiQueue) {
      apiQueue.addAll(List.of(responses));
    }
    return this;
  }

  public FakeServiceTitanServer enqueueToken(MockResponse... responses) {
    synchronized (tokenQueue) {
      tokenQueue.addAll(List.of(responses));
    }
    return this;
  }

  public FakeServiceTitanServer tokenDelayMillis(long millis) {
    this.tokenDelayMillis = millis;
    return this;
  }

  public FakeServiceTitanServer expiresIn(long seconds) {
    this.expiresIn = seconds;
    return this;
  }

  public FakeServiceTitanServer apiDefault(Function<RecordedRequest, MockResponse> handler) {
    this.apiDefault = handler;
    return this;
  }

  public int tokensIssued() {
    return tokensIssued.get();
  }

  public List<RecordedRequest> apiRequests() {
    return List.copyOf(apiRequests);
  }

  public List<RecordedRequest> tokenRequests() {
    return List.copyOf(tokenRequests);
  }
}
