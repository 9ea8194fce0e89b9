package dev.titanj.cli.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Counts the HTTP requests a client sends over the network: token requests and API calls. */
public final class RequestCounter implements Interceptor {
  private final AtomicLong token = new AtomicLong();
  private final AtomicLong api = new AtomicLong();

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (chain.request().url().encodedPath().endsWith("/connect/token")) {
      token.incrementAndGet();
    } else {
      api.incrementAndGet();
    }
    return chain.proceed(chain.request());
  }

  /** Requests to the token endpoint. */
  public long tokenRequests() {
    return token.get();
  }

  /** Requests to the API. */
  public long apiRequests() {
    return api.get();
  }

  /** All requests. */
  public long total() {
    return token.get() + api.get();
  }
}
