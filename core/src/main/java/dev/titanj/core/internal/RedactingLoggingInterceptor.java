package dev.titanj.core.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one DEBUG line per request and one per response or failure: method, path and query,
 * status, duration and attempt number. Headers are logged at TRACE, with
 * {@code Authorization}, {@code ST-App-Key} and cookies redacted, and so is any request or
 * response header whose name suggests a credential or whose value holds a known secret or looks
 * like one (a server echoing the request's headers); query parameters whose names suggest a
 * credential are redacted too. Bodies are never logged, so form-encoded client secrets
 * and token responses never reach a log. The SDK never configures logging; it only writes to
 * SLF4J.
 */
final class RedactingLoggingInterceptor implements Interceptor {
  private final Logger log;
  private final Redaction redaction;

  RedactingLoggingInterceptor(String loggerName) {
    this(loggerName, Redaction.PATTERNS_ONLY);
  }

  /** @param redaction the client's scrubber, which knows its secrets and tokens */
  RedactingLoggingInterceptor(String loggerName, Redaction redaction) {
    this.log = LoggerFactory.getLogger(loggerName);
    this.redaction = redaction;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!log.isDebugEnabled()) {
      return chain.proceed(request);
    }
    String target = redaction.scrub(request.method() + " " + Redaction.pathAndQuery(request.url()));
    int attempt = Attempt.of(request);
    log.debug("--> {} (attempt {})", target, attempt);
    if (log.isTraceEnabled()) {
      log.trace("--> headers {}", redaction.describe(request.headers()));
    }
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      log.debug("<-- FAILED {} ({} ms, attempt {}): {}", target, millisSince(start), attempt,
          e.getClass().getSimpleName());
      throw e;
    }
    log.debug("<-- {} {} ({} ms, attempt {})", response.code(), target, millisSince(start),
        attempt);
    if (log.isTraceEnabled()) {
      log.trace("<-- headers {}", redaction.describe(response.headers()));
    }
    return response;
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
