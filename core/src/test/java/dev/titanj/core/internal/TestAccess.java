package dev.titanj.core.internal;

import okhttp3.OkHttpClient;

/** Test-only access to a context's HTTP client, which production code never hands out. */
public final class TestAccess {
  private TestAccess() {}

  /** The client's OkHttp client (auth and retries included). */
  public static OkHttpClient http(TitanContext context) {
    return context.httpClient();
  }
}
