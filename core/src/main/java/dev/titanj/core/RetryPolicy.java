package dev.titanj.core;

import java.time.Duration;

/**
 * How the client retries throttled (429) and unavailable (502/503/504) responses and transport
 * failures: exponential backoff with jitter, honouring {@code Retry-After} up to a cap, within a
 * bounded number of attempts. POST, PUT and PATCH are not replayed after an ambiguous failure
 * (a 502/503/504 or a broken connection) unless {@link Builder#retryNonIdempotent(boolean)} is
 * set; a 429, or a connection that could not be opened, is retried for every method because the
 * server never processed the request. Other statuses (400, 401, 404, 500...) are never retried.
 */
public final class RetryPolicy {
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final boolean retryNonIdempotent;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.retryNonIdempotent = b.retryNonIdempotent;
  }

  /** 4 attempts, 500 ms initial backoff, 30 s maximum backoff and Retry-After, writes not replayed. */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** No retries at all: every failure surfaces at once. */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /** Starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Total attempts per request, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The wait before the first retry when the server names none; it doubles per attempt, and each
   * wait is drawn between half and all of that value (jitter).
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The longest computed backoff. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The longest {@code Retry-After} the client will wait; a longer one fails the call. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** Whether POST/PUT/PATCH may be replayed after a failure that leaves their effect unknown. */
  public boolean retryNonIdempotent() {
    return retryNonIdempotent;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", maxRetryAfter=" + maxRetryAfter
        + ", retryNonIdempotent=" + retryNonIdempotent + "}";
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration maxRetryAfter = Duration.ofSeconds(30);
    private boolean retryNonIdempotent;

    private Builder() {}

    /** Total attempts, 1 (no retry) to 20; default 4. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 20) {
        throw new IllegalArgumentException("maxAttempts must be between 1 and 20, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Default 500 ms. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive(initialBackoff, "initialBackoff");
      return this;
    }

    /** Default 30 s. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive(maxBackoff, "maxBackoff");
      return this;
    }

    /** The longest {@code Retry-After} worth waiting for; default 30 s. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = positive(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * Replay POST, PUT and PATCH after a 502/503/504 or a broken connection too. Only safe when
     * the caller's writes are idempotent (for example, guarded by an external id); default off.
     */
    public Builder retryNonIdempotent(boolean retryNonIdempotent) {
      this.retryNonIdempotent = retryNonIdempotent;
      return this;
    }

    /** The policy; fails if {@code maxBackoff} is shorter than {@code initialBackoff}. */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
      }
      return new RetryPolicy(this);
    }

    private static Duration positive(Duration d, String argument) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(argument + " must be positive, was " + d);
      }
      return d;
    }
  }
}
