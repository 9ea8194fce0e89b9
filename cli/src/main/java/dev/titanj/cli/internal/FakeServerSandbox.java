package dev.titanj.cli.internal;

import dev.titanj.testing.FakeServiceTitan;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The sandbox backed by {@link FakeServiceTitan}, the embedded fake ServiceTitan of the testing
 * module, seeded with its deterministic demo data.
 */
public final class FakeServerSandbox implements Sandbox {
  private final FakeServiceTitan server;

  private FakeServerSandbox(FakeServiceTitan server) {
    this.server = server;
  }

  /** The factory the CLI uses by default: the fake's default data (100 customers), no latency. */
  public static Sandbox.Factory factory() {
    return factory(Sandbox.Settings.DEFAULTS);
  }

  /** A factory of sandboxes with {@code settings}' customer count and latency. */
  public static Sandbox.Factory factory(Sandbox.Settings settings) {
    return new Sandbox.Factory() {
      @Override
      public Sandbox start(int port) {
        FakeServiceTitan.Options o = FakeServiceTitan.Options.defaults().port(port);
        if (settings.customers() >= 0) {
          o.customers(settings.customers());
        }
        if (settings.latencyMillis() > 0) {
          Duration latency = Duration.ofMillis(settings.latencyMillis());
          o.faults(f -> f.latency(latency));
        }
        return new FakeServerSandbox(FakeServiceTitan.start(o));
      }

      @Override
      public Sandbox.Factory with(Sandbox.Settings other) {
        return factory(other);
      }
    };
  }

  @Override
  public Map<String, String> environmentVariables() {
    return server.environmentVariables();
  }

  /** Every request the fake answered, token requests included. */
  @Override
  public OptionalLong requestCount() {
    return OptionalLong.of(server.requestCounts().values().stream().mapToLong(Long::longValue).sum());
  }

  @Override
  public void close() {
    server.close();
  }
}
