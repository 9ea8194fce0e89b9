package dev.titanj.core.metrics;

import dev.titanj.core.Environment;
import dev.titanj.core.Metrics;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.core.support.FakeApi;
import java.util.Map;
import java.util.function.Function;

/**
 * Run by {@link NoMicrometerTest} in a class loader without Micrometer: builds a client, makes a
 * call and reports what happened. Touches only core, never Micrometer.
 */
public final class NoMicrometerProbe implements Function<String, String> {
  @Override
  public String apply(String baseUrl) {
    try {
      Class.forName("io.micrometer.core.instrument.MeterRegistry");
      return "micrometer is visible";
    } catch (ClassNotFoundException expected) {
      // as intended
    }
    try (ServiceTitan st = ServiceTitan.builder()
        .environment(Environment.custom(baseUrl, baseUrl))
        .clientCredentials("client-abc", "s3cr3t-client-value")
        .appKey("ak-app-key-value")
        .tenant(1_234_567L)
        .retryPolicy(RetryPolicy.none())
        .metrics(Metrics.none())
        .build()) {
      TitanContext ctx = TitanContext.of(st);
      Map<String, Object> body = ctx.execute(ctx.api(FakeApi.class).customer(1_234_567L, 7));
      return "ok " + body.get("id") + " " + st.tokenRequestCount() + " " + st.cacheStatistics();
    }
  }
}
