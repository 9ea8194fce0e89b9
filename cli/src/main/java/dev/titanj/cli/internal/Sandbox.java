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

  /** Starts sandboxes; tests substitute their own. */
  interface Factory {
    /**
     * Starts a sandbox.
     *
     * @param port the port to listen on; 0 for any free port
     */
    Sandbox start(int port);
  }
}
