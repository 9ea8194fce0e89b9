package dev.titanj.core;

import java.time.Duration;
import java.util.Optional;

/** ServiceTitan throttled the client (HTTP 429) and the retry budget ran out. */
public class RateLimitException extends TitanApiException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitException(String title, String type, String traceId, Duration retryAfter,
      String requestPath) {
    super(429, title, type, traceId, java.util.Map.of(), requestPath);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked the client to wait, when it said so. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
