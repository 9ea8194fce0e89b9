package dev.titanj.core.internal;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the transport and the caches report to, free of Micrometer types so that this interface
 * and every class calling it load without Micrometer. {@link #NONE} records nothing; {@link
 * MicrometerRecorder} is the only class that touches Micrometer.
 */
public interface MetricsRecorder {

  /** Records nothing; the interceptors are not even installed. */
  MetricsRecorder NONE = new MetricsRecorder() {};

  /**
   * A recorder over a Micrometer {@code MeterRegistry} (typed Object here: Micrometer is loaded
   * only when this is called).
   */
  static MetricsRecorder micrometer(Object registry, java.util.Map<String, String> tags,
      boolean tenantTag) {
    return MicrometerRecorder.create(registry, tags, tenantTag);
  }

  /** Whether anything is recorded. */
  default boolean isEnabled() {
    return false;
  }

  /**
   * One API call, retries included, until the final response headers.
   *
   * @param status the final status, or -1 when the call failed in transport
   */
  default void request(String method, String uri, int status, long nanos) {}

  /** An attempt after the first. */
  default void retry(String method, String uri) {}

  /** A 429 answer. */
  default void throttled(String method, String uri) {}

  /** One token request, retries included; {@code status} -1 for a transport failure. */
  default void tokenRequest(int status, long nanos) {}

  /** The client-side rate limiter made a request wait this long. */
  default void rateLimitWait(Duration wait) {}

  /** Publishes a resource cache's hit and miss counters (called once per resource). */
  default void cacheCounters(String resource, LongAdder hits, LongAdder misses) {}

  /** This recorder with a {@code tenant} tag, if it was configured to add one. */
  default MetricsRecorder forTenant(long tenantId) {
    return this;
  }
}
