package dev.titanj.cli.internal;

import java.util.Map;
import java.util.OptionalLong;

/** A running fake ServiceTitan the CLI talks to when no credentials are configured. */
public interface Sandbox extends AutoCloseable {
  /** The {@code ST_*} variables that point a client at this sandbox. */
  Map<String, String> environmentVariables();

  /** Requests the fake server has answered, when it counts them. */
  OptionalLong requestCount();

  /** Stops the server. */
  @Override
  void close();

  /** What the sandbox serves: how many customers, and a delay added to every API response. */
  final class Settings {
    /** The fake's own defaults: 100 customers, no added latency. */
    public static final Settings DEFAULTS = new Settings(-1, 0);

    final int customers;
    final long latencyMillis;

    /**
     * @param customers customers to seed, or -1 for the fake's default (100)
     * @param latencyMillis milliseconds added to every API response (not to token requests)
     */
    public Settings(int customers, long latencyMillis) {
      if (customers < -1) {
        throw new UsageException("--customers must not be negative, was " + customers);
      }
      if (latencyMillis < 0) {
        throw new UsageException("--latency-ms must not be negative, was " + latencyMillis);
      }
      this.customers = customers;
      this.latencyMillis = latencyMillis;
    }

    public int customers() {
      return customers;
    }

    public long latencyMillis() {
      return latencyMillis;
    }
  }

  /** Starts sandboxes; tests substitute their own. */
  interface Factory {
    /**
     * Starts a sandbox.
     *
     * @param port the port to listen on; 0 for any free port
     */
    Sandbox start(int port);

    /** This factory with {@code settings}; factories that cannot honour them ignore them. */
    default Factory with(Settings settings) {
      return this;
    }
  }
}
