package dev.titanj.core.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Micrometer implementation of {@link MetricsRecorder}: the one class of TitanJ that refers
 * to Micrometer. It is only loaded when a client is built with {@code Metrics.micrometer(...)}.
 * Tags hold templated paths, methods, statuses and resource names, never ids, query strings or
 * credentials.
 */
final class MicrometerRecorder implements MetricsRecorder {
  private final MeterRegistry registry;
  private final Tags common;
  private final boolean tenantTag;

  private MicrometerRecorder(MeterRegistry registry, Tags common, boolean tenantTag) {
    this.registry = registry;
    this.common = common;
    this.tenantTag = tenantTag;
  }

  /**
   * @param registry a {@code MeterRegistry}, typed Object so callers need not name Micrometer
   */
  static MetricsRecorder create(Object registry, Map<String, String> tags, boolean tenantTag) {
    Tags common = Tags.empty();
    for (Map.Entry<String, String> e : tags.entrySet()) {
      common = common.and(e.getKey(), e.getValue());
    }
    return new MicrometerRecorder((MeterRegistry) registry, common, tenantTag);
  }

  @Override
  public boolean isEnabled() {
    return true;
  }

  @Override
  public MetricsRecorder forTenant(long tenantId) {
    return tenantTag
        ? new MicrometerRecorder(registry, common.and(Tag.of("tenant", Long.toString(tenantId))), false)
        : this;
  }

  @Override
  public void request(String method, String uri, int status, long nanos) {
    Timer.builder("titanj.requests")
        .description("ServiceTitan API calls, retries included, until the response headers")
        .tags(common)
        .tags("method", method, "uri", uri, "status", status(status), "outcome", outcome(status))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void retry(String method, String uri) {
    Counter.builder("titanj.retries")
        .description("ServiceTitan API attempts after the first")
        .tags(common).tags("method", method, "uri", uri)
        .register(registry).increment();
  }

  @Override
  public void throttled(String method, String uri) {
    Counter.builder("titanj.throttled")
        .description("429 Too Many Requests answers")
        .tags(common).tags("method", method, "uri", uri)
        .register(registry).increment();
  }

  @Override
  public void tokenRequest(int status, long nanos) {
    Timer.builder("titanj.token.requests")
        .description("OAuth token requests, retries included")
        .tags(common).tags("status", status(status), "outcome", outcome(status))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void rateLimitWait(Duration wait) {
    Timer.builder("titanj.ratelimit.wait")
        .description("Waits imposed by the client-side rate limiter")
        .tags(common)
        .register(registry)
        .record(wait);
  }

  @Override
  public void cacheCounters(String resource, LongAdder hits, LongAdder misses) {
    FunctionCounter.builder("titanj.cache.gets", hits, LongAdder::sum)
        .description("Response cache lookups")
        .tags(common).tags("cache", resource, "result", "hit")
        .register(registry);
    FunctionCounter.builder("titanj.cache.gets", misses, LongAdder::sum)
        .description("Response cache lookups")
        .tags(common).tags("cache", resource, "result", "miss")
        .register(registry);
  }

  static String status(int status) {
    return status < 0 ? "IO_ERROR" : Integer.toString(status);
  }

  static String outcome(int status) {
    if (status < 100) {
      return "UNKNOWN";
    }
    switch (status / 100) {
      case 1: return "INFORMATIONAL";
      case 2: return "SUCCESS";
      case 3: return "REDIRECTION";
      case 4: return "CLIENT_ERROR";
      case 5: return "SERVER_ERROR";
      default: return "UNKNOWN";
    }
  }

  @Override
  public String toString() {
    return "MicrometerRecorder{" + registry.getClass().getSimpleName() + "}";
  }
}
