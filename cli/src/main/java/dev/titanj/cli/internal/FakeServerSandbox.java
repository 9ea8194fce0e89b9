package dev.titanj.cli.internal;

import dev.titanj.testing.FakeServiceTitan;
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

  /** The factory the CLI uses by default. */
  public static Sandbox.Factory factory() {
    return port -> new FakeServerSandbox(port == 0 ? FakeServiceTitan.start()
        : FakeServiceTitan.start(FakeServiceTitan.Options.defaults().port(port)));
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
