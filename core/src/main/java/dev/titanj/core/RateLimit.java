package dev.titanj.core;

/**
 * The client-side request budget for one tenant: ServiceTitan allows about 60 requests per second
 * per application and tenant, and a client that stays under that avoids 429 responses. Shared by
 * every thread of a client (a client made with {@code withTenant} has a budget of its own).
 * Requests are spaced evenly at the rate, after a short burst of a tenth of a second's budget;
 * every attempt counts, retries included, token requests not.
 */
public final class RateLimit {
  private final int requestsPerSecond;

  private RateLimit(int requestsPerSecond) {
    this.requestsPerSecond = requestsPerSecond;
  }

  /** 60 requests per second. */
  public static RateLimit defaults() {
    return perSecond(60);
  }

  /** At most {@code requestsPerSecond} requests per second (1 to 10,000). */
  public static RateLimit perSecond(int requestsPerSecond) {
    if (requestsPerSecond < 1 || requestsPerSecond > 10_000) {
      throw new IllegalArgumentException(
          "requestsPerSecond must be between 1 and 10000, was " + requestsPerSecond);
    }
    return new RateLimit(requestsPerSecond);
  }

  /** No client-side limit; the server's 429 responses are still retried. */
  public static RateLimit unlimited() {
    return new RateLimit(0);
  }

  /** Requests per second, or 0 when unlimited. */
  public int requestsPerSecond() {
    return requestsPerSecond;
  }

  /** Whether a limit applies. */
  public boolean isLimited() {
    return requestsPerSecond > 0;
  }

  @Override
  public String toString() {
    return isLimited() ? "RateLimit{" + requestsPerSecond + "/s}" : "RateLimit{unlimited}";
  }
}
