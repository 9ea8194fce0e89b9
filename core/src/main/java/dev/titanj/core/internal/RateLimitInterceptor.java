package dev.titanj.core.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Makes every API request, retries and replays included, wait for the client's rate limiter. */
final class RateLimitInterceptor implements Interceptor {
  private final RequestGate limiter;

  RateLimitInterceptor(RequestGate limiter) {
    this.limiter = limiter;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    limiter.acquire();
    return chain.proceed(chain.request());
  }
}
