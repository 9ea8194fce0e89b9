package dev.titanj.testing;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Faults and delays the {@link FakeServiceTitan} injects, changeable while it runs: fixed or
 * jittered latency, 429 with {@code Retry-After} every Nth request, bursts of 5xx, connections
 * dropped mid-body, truncated or malformed JSON, and a slow or failing token endpoint. Counted
 * faults ("the next N requests") apply to resource requests in arrival order; the token endpoint
 * has its own. Thread-safe; every method returns this for chaining.
 *
 * <pre>{@code
 * server.faults().rateLimitEvery(5, Duration.ofSeconds(1)).serverErrors(2);
 * }</pre>
 */
public final class Faults {
  /** What the server does with one request. */
  enum Kind { NONE, RATE_LIMIT, SERVER_ERROR, DROP_MID_BODY, TRUNCATE, MALFORMED }

  /** The fault chosen for one request. */
  static final class Decision {
    final Kind kind;
    final long delayMillis;
    final int status;
    final Duration retryAfter;
    final boolean retryAfterAsDate;

    Decision(Kind kind, long delayMillis, int status, Duration retryAfter, boolean asDate) {
      this.kind = kind;
      this.delayMillis = delayMillis;
      this.status = status;
      this.retryAfter = retryAfter;
      this.retryAfterAsDate = asDate;
    }
  }

  private final SplittableRandom random;
  private Duration latency = Duration.ZERO;
  private Duration jitter = Duration.ZERO;
  private int rateLimitEvery;
  private Duration retryAfter = Duration.ofSeconds(1);
  private boolean retryAfterAsDate;
  private long resourceRequests;
  private int serverErrors;
  private int serverErrorStatus = 503;
  private int drops;
  private int truncations;
  private int malformed;
  private Duration tokenLatency = Duration.ZERO;
  private int tokenErrors;

  Faults(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Delays every resource response by {@code fixed}. */
  public synchronized Faults latency(Duration fixed) {
    return latency(fixed, Duration.ZERO);
  }

  /** Delays every resource response by {@code fixed} plus a random share of {@code jitter}. */
  public synchronized Faults latency(Duration fixed, Duration jitter) {
    this.latency = nonNegative(fixed, "fixed");
    this.jitter = nonNegative(jitter, "jitter");
    return this;
  }

  /**
   * Answers every {@code n}th resource request with 429 and {@code Retry-After} in seconds;
   * {@code n = 0} turns it off.
   */
  public synchronized Faults rateLimitEvery(int n, Duration retryAfter) {
    return rateLimit(n, retryAfter, false);
  }

  /** Like {@link #rateLimitEvery(int, Duration)}, with {@code Retry-After} as an HTTP date. */
  public synchronized Faults rateLimitEveryWithDate(int n, Duration retryAfter) {
    return rateLimit(n, retryAfter, true);
  }

  private Faults rateLimit(int n, Duration retryAfter, boolean asDate) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, was " + n);
    }
    this.rateLimitEvery = n;
    this.retryAfter = nonNegative(retryAfter, "retryAfter");
    this.retryAfterAsDate = asDate;
    this.resourceRequests = 0;
    return this;
  }

  /** Answers the next {@code count} resource requests with 503. */
  public synchronized Faults serverErrors(int count) {
    return serverErrors(count, 503);
  }

  /** Answers the next {@code count} resource requests with {@code status} (500 to 599). */
  public synchronized Faults serverErrors(int count, int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("status must be a 5xx code, was " + status);
    }
    this.serverErrors = count(count);
    this.serverErrorStatus = status;
    return this;
  }

  /** Closes the connection half-way through the body of the next {@code count} responses. */
  public synchronized Faults dropConnectionMidBody(int count) {
    this.drops = count(count);
    return this;
  }

  /** Sends only the first half of the JSON body (with a matching length) {@code count} times. */
  public synchronized Faults truncateBody(int count) {
    this.truncations = count(count);
    return this;
  }

  /** Sends a body that is not valid JSON for the next {@code count} resource responses. */
  public synchronized Faults malformedJson(int count) {
    this.malformed = count(count);
    return this;
  }

  /** Delays every token response by {@code delay}. */
  public synchronized Faults tokenLatency(Duration delay) {
    this.tokenLatency = nonNegative(delay, "delay");
    return this;
  }

  /** Answers the next {@code count} token requests with 500. */
  public synchronized Faults tokenErrors(int count) {
    this.tokenErrors = count(count);
    return this;
  }

  /** Removes every fault and delay. */
  public synchronized Faults clear() {
    latency = Duration.ZERO;
    jitter = Duration.ZERO;
    rateLimitEvery = 0;
    resourceRequests = 0;
    serverErrors = 0;
    drops = 0;
    truncations = 0;
    malformed = 0;
    tokenLatency = Duration.ZERO;
    tokenErrors = 0;
    return this;
  }

  synchronized Decision nextResource() {
    long delay = latency.toMillis()
        + (jitter.isZero() ? 0 : random.nextLong(jitter.toMillis() + 1));
    resourceRequests++;
    if (rateLimitEvery > 0 && resourceRequests % rateLimitEvery == 0) {
      return new Decision(Kind.RATE_LIMIT, delay, 429, retryAfter, retryAfterAsDate);
    }
    if (serverErrors > 0) {
      serverErrors--;
      return new Decision(Kind.SERVER_ERROR, delay, serverErrorStatus, null, false);
    }
    if (drops > 0) {
      drops--;
      return new Decision(Kind.DROP_MID_BODY, delay, 200, null, false);
    }
    if (truncations > 0) {
      truncations--;
      return new Decision(Kind.TRUNCATE, delay, 200, null, false);
    }
    if (malformed > 0) {
      malformed--;
      return new Decision(Kind.MALFORMED, delay, 200, null, false);
    }
    return new Decision(Kind.NONE, delay, 200, null, false);
  }

  synchronized Decision nextToken() {
    if (tokenErrors > 0) {
      tokenErrors--;
      return new Decision(Kind.SERVER_ERROR, tokenLatency.toMillis(), 500, null, false);
    }
    return new Decision(Kind.NONE, tokenLatency.toMillis(), 200, null, false);
  }

  private static int count(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + n);
    }
    return n;
  }

  private static Duration nonNegative(Duration d, String argument) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(argument + " must not be negative, was " + d);
    }
    return d;
  }

  @Override
  public synchronized String toString() {
    return "Faults{latency=" + latency + ", jitter=" + jitter + ", rateLimitEvery=" + rateLimitEvery
        + ", serverErrors=" + serverErrors + ", drops=" + drops + ", truncations=" + truncations
        + ", malformed=" + malformed + ", tokenLatency=" + tokenLatency + ", tokenErrors="
        + tokenErrors + "}";
  }
}
