package dev.titanj.core.internal;

import dev.titanj.core.RateLimitException;
import dev.titanj.core.ServerException;
import dev.titanj.core.Sleeper;
import dev.titanj.core.TitanException;
import dev.titanj.core.TitanIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The paging runtime's retry of one page or export batch for sources that do not go through a
 * client's HTTP layer (custom {@link PageSource}s and {@link ExportSource}s). Queries and feeds
 * of a {@code ServiceTitan} client use {@link #none()}: there the {@code RetryInterceptor} is the
 * one retry owner of each page and batch, so retries never multiply. For other sources: a request that still fails transiently ({@link TitanIOException}, {@link ServerException},
 * {@link RateLimitException}) is sent again with the same page number or {@code from} token a
 * bounded number of times, so a long stream survives a short outage without skipping or
 * repeating records. Other failures (4xx, decoding) surface at once.
 */
public final class FetchRetry {
  /** Retries after the first attempt unless configured otherwise. */
  public static final int DEFAULT_RETRIES = 3;
  /** First wait between attempts; doubled each time. */
  public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private static final FetchRetry DEFAULTS =
      new FetchRetry(DEFAULT_RETRIES, DEFAULT_BACKOFF, Sleeper.system());
  private static final FetchRetry NONE = new FetchRetry(0, DEFAULT_BACKOFF, d -> { });

  private final int retries;
  private final Duration backoff;
  private final Sleeper sleeper;

  private FetchRetry(int retries, Duration backoff, Sleeper sleeper) {
    this.retries = retries;
    this.backoff = backoff;
    this.sleeper = sleeper;
  }

  /** Three retries, waiting 1 s, 2 s, 4 s (or the server's {@code Retry-After}) with real sleeps. */
  public static FetchRetry defaults() {
    return DEFAULTS;
  }

  /** Three retries that wait through {@code sleeper} (the client's, so tests never sleep). */
  public static FetchRetry withSleeper(Sleeper sleeper) {
    return new FetchRetry(DEFAULT_RETRIES, DEFAULT_BACKOFF, Objects.requireNonNull(sleeper, "sleeper"));
  }

  /** No retry: the first failure surfaces. */
  public static FetchRetry none() {
    return NONE;
  }

  /** A custom schedule. */
  public static FetchRetry of(int retries, Duration backoff, Sleeper sleeper) {
    if (retries < 0 || retries > 10) {
      throw new IllegalArgumentException("retries must be between 0 and 10, was " + retries);
    }
    if (backoff == null || backoff.isNegative()) {
      throw new IllegalArgumentException("backoff must not be negative, was " + backoff);
    }
    return new FetchRetry(retries, backoff, Objects.requireNonNull(sleeper, "sleeper"));
  }

  public int retries() {
    return retries;
  }

  /**
   * Whether {@code e} is worth sending the same read again: a transport failure, a 429, or a
   * 502/503/504. A 500 or 501 (the server failed on this very request, or does not implement it)
   * is never retried.
   */
  public static boolean isTransient(RuntimeException e) {
    if (e instanceof ServerException) {
      int status = ((ServerException) e).status();
      return status == 502 || status == 503 || status == 504;
    }
    return e instanceof TitanIOException || e instanceof RateLimitException;
  }

  /** Runs {@code attempt}, repeating it after transient failures; the last failure is rethrown. */
  public <R> R call(Supplier<R> attempt) {
    return call(attempt, () -> true);
  }

  /**
   * Like {@link #call(Supplier)}, but gives up as soon as {@code stillWanted} turns false (a
   * prefetched page whose stream was closed is not retried).
   */
  public <R> R call(Supplier<R> attempt, BooleanSupplier stillWanted) {
    for (int n = 0; ; n++) {
      try {
        return attempt.get();
      } catch (RuntimeException e) {
        if (n >= retries || !isTransient(e) || !stillWanted.getAsBoolean()
            || Thread.currentThread().isInterrupted()) {
          throw e;
        }
        pause(e, n);
      }
    }
  }

  private void pause(RuntimeException cause, int n) {
    Duration wait = backoff.multipliedBy(1L << Math.min(n, 16));
    if (cause instanceof RateLimitException) {
      Duration after = ((RateLimitException) cause).retryAfter().orElse(null);
      if (after != null && after.compareTo(wait) > 0) {
        wait = after;
      }
    }
    if (wait.compareTo(MAX_WAIT) > 0) {
      wait = MAX_WAIT;
    }
    if (wait.isZero()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      TitanException t = new TitanIOException("interrupted while waiting to retry", ie);
      t.addSuppressed(cause);
      throw t;
    }
  }

  @Override
  public String toString() {
    return "FetchRetry{retries=" + retries + ", backoff=" + backoff + "}";
  }
}
