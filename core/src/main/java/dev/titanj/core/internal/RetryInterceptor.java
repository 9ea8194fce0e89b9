package dev.titanj.core.internal;

import dev.titanj.core.RetryPolicy;
import dev.titanj.core.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost application interceptor: retries throttled (429) and unavailable (502, 503, 504)
 * responses and transport failures with exponential backoff and jitter, within
 * {@link RetryPolicy#maxAttempts()}. (With metrics on, only the whole-call timer of
 * {@link MetricsInterceptors#calls} sits outside it; that timer proceeds once and never retries.)
 *
 * <ul>
 *   <li>429 is retried for every method: the server did not process the request. A
 *       {@code Retry-After} (seconds or an HTTP date) is waited exactly; one longer than
 *       {@link RetryPolicy#maxRetryAfter()} ends the retries at once.
 *   <li>502/503/504 and I/O failures are retried for GET, HEAD, OPTIONS and DELETE; POST, PUT
 *       and PATCH only when {@link RetryPolicy#retryNonIdempotent()} is set, because their effect
 *       is unknown. A connection that could not be opened is retried for every method.
 *   <li>A wait that would overrun the call timeout is not started.
 *   <li>The response body is read here, so a connection broken in the middle of a body is
 *       handled like any other transport failure (retried for GET; ambiguous for POST).
 *   <li>An attempt that failed before {@link WireGuard} handed it to a connection (or that
 *       found its pooled connection closed by the server) sent nothing and is retried for every
 *       method.
 *   <li>A {@code Retry-After} of zero or a date in the past gets the normal backoff.
 * </ul>
 *
 * <p>This is the one retry owner of a logical call (a single call, a page, an export batch):
 * the paging runtime does not retry pages on top of it, so {@link RetryPolicy#maxAttempts()} is
 * the number of requests a page can cost and {@link RetryPolicy#none()} means one.
 *
 * When the budget is spent the last response is returned (the caller maps it to
 * {@code RateLimitException} or {@code ServerException}) or the last {@link IOException} thrown.
 * Waits go through the injected {@link Sleeper} and {@link Clock}. OkHttp's own silent replay
 * after connection failures is switched off for the calls below, so every attempt is counted,
 * logged and subject to the rules above.
 */
final class RetryInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger("dev.titanj.retry");

  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration callTimeout;
  private final boolean replayAlways;
  private final DoubleSupplier random;

  /**
   * @param callTimeout the whole-call budget that waits must fit in; null or zero for none
   * @param replayAlways true for requests whose replay is harmless whatever their method (the
   *     token request)
   */
  RetryInterceptor(RetryPolicy policy, Clock clock, Sleeper sleeper, Duration callTimeout,
      boolean replayAlways) {
    this(policy, clock, sleeper, callTimeout, replayAlways,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  RetryInterceptor(RetryPolicy policy, Clock clock, Sleeper sleeper, Duration callTimeout,
      boolean replayAlways, DoubleSupplier random) {
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.callTimeout = callTimeout == null || callTimeout.isZero() ? null : callTimeout;
    this.replayAlways = replayAlways;
    this.random = random;
  }

  @Override
  public Response intercept(Chain outer) throws IOException {
    // OkHttp would otherwise replay some failed requests on a new connection by itself, POSTs
    // included; this policy is the only place a request is replayed.
    Chain chain = outer.withRetryOnConnectionFailure(false);
    Request original = chain.request();
    boolean replayable = replayAlways || policy.retryNonIdempotent()
        || HttpMethods.isReplayable(original.method());
    int max = policy.maxAttempts();
    Instant start = clock.instant();
    int sent = 0;
    for (int attempt = 1; ; attempt++) {
      Attempt tag = new Attempt(attempt, max, !replayable);
      Request request = original.newBuilder().tag(Attempt.class, tag).build();
      Response response;
      try {
        // The body is read here, inside the retry loop, so a connection that breaks in the
        // middle of a body is retried like one that breaks before the status line.
        response = buffered(chain.proceed(request));
      } catch (IOException e) {
        // An attempt that never reached the wire wrote nothing (DNS, connect, TLS, a pooled
        // connection found closed): safe to replay for every method.
        boolean notSent = !tag.onWire || HttpMethods.neverSent(e);
        IOException failure = notSent && !(e instanceof RequestNotSentException)
            ? new RequestNotSentException(e.getMessage(), e) : e;
        if (!notSent) {
          sent++;
        }
        if (chain.call().isCanceled() || attempt >= max || !(replayable || notSent)) {
          throw withSends(failure, attempt, sent);
        }
        Duration wait = backoff(attempt);
        if (!fits(start, wait)) {
          log.debug("not retrying {}: waiting {} ms would overrun the call timeout",
              Errors.describe(original), wait.toMillis());
          throw withSends(failure, attempt, sent);
        }
        if (log.isDebugEnabled()) {
          log.debug("retrying {} after {} in {} ms (attempt {} of {})", Errors.describe(original),
              describe(e), wait.toMillis(), attempt + 1, max);
        }
        sleep(wait);
        continue;
      }

      sent++;
      int code = response.code();
      boolean retryable = code == 429
          || (replayable && (code == 502 || code == 503 || code == 504));
      if (!retryable || attempt >= max) {
        return response;
      }
      Duration wait;
      Duration retryAfter = Errors.retryAfter(response.header("Retry-After"), clock.instant());
      if (retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
        log.debug("not retrying {}: Retry-After {} s exceeds the {} s maximum",
            Errors.describe(original), retryAfter.toSeconds(), policy.maxRetryAfter().toSeconds());
        return response;
      }
      // A Retry-After of zero (or a date already past) would retry at once, in lockstep with
      // every other client: the normal backoff applies instead.
      wait = retryAfter != null && !retryAfter.isZero() ? retryAfter : backoff(attempt);
      if (!fits(start, wait)) {
        log.debug("not retrying {}: waiting {} ms would overrun the call timeout",
            Errors.describe(original), wait.toMillis());
        return response;
      }
      response.close();
      if (log.isDebugEnabled()) {
        log.debug("retrying {} after HTTP {} in {} ms (attempt {} of {})",
            Errors.describe(original), code, wait.toMillis(), attempt + 1, max);
      }
      sleep(wait);
    }
  }

  private static String describe(IOException e) {
    Throwable t = e instanceof RequestNotSentException && e.getCause() != null ? e.getCause() : e;
    return t.getClass().getSimpleName();
  }

  /**
   * {@code response} with its body read into memory (pages are bounded by their page size), so
   * that a transport fault while reading it surfaces here, where the retry policy applies.
   */
  private static Response buffered(Response response) throws IOException {
    ResponseBody body = response.body();
    if (body == null) {
      return response;
    }
    try (ResponseBody b = body) {
      MediaType type = b.contentType();
      byte[] bytes = b.bytes();
      return response.newBuilder().body(ResponseBody.create(bytes, type)).build();
    }
  }

  /**
   * Records on {@code e} how many times the request reached the server when it was attempted
   * more than once, so the caller's message can say so (see {@link #timesSent}).
   */
  private static IOException withSends(IOException e, int attempts, int sent) {
    if (attempts > 1) {
      e.addSuppressed(new Sends(sent));
    }
    return e;
  }

  /**
   * How many times the request that failed with {@code e} reached the server, counting every
   * attempt of the retry policy; -1 when it was attempted only once (not recorded).
   */
  static int timesSent(IOException e) {
    for (Throwable s : e.getSuppressed()) {
      if (s instanceof Sends) {
        return ((Sends) s).count;
      }
    }
    return -1;
  }

  /** Marker attached to the last failure of a retried request: how often it was sent. */
  static final class Sends extends IOException {
    private static final long serialVersionUID = 1L;
    final int count;

    Sends(int count) {
      super("the request was sent " + count + " time" + (count == 1 ? "" : "s")
          + " by the retry policy");
      this.count = count;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  /**
   * Exponential backoff with "equal jitter": half of {@code initial * 2^(attempt-1)} (capped at
   * the maximum) plus a random share of the other half.
   */
  Duration backoff(int attempt) {
    long initial = policy.initialBackoff().toMillis();
    long cap = policy.maxBackoff().toMillis();
    long base = attempt >= 31 ? cap : Math.min(cap, initial << Math.min(30, attempt - 1));
    if (base < 0) {
      base = cap;
    }
    long half = base / 2;
    return Duration.ofMillis(half + (long) ((base - half) * random.getAsDouble()));
  }

  private boolean fits(Instant start, Duration wait) {
    if (callTimeout == null) {
      return true;
    }
    Duration elapsed = Duration.between(start, clock.instant());
    return elapsed.plus(wait).compareTo(callTimeout) < 0;
  }

  private void sleep(Duration wait) throws IOException {
    if (wait.isZero() || wait.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("interrupted while waiting to retry");
      io.initCause(e);
      throw io;
    }
  }
}
