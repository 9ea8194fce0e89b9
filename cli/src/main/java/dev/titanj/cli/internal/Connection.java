package dev.titanj.cli.internal;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.SettingsChain;
import java.util.Map;
import java.util.Properties;
import okhttp3.OkHttpClient;

/**
 * A configured {@link ServiceTitan} client for one command, with the sandbox it talks to (if
 * any) and a counter of the HTTP requests it sends. Closing it closes both.
 */
public final class Connection implements AutoCloseable {
  private final ServiceTitan client;
  private final Sandbox sandbox;
  private final RequestCounter counter;
  private final OkHttpClient http;
  private final String description;

  private Connection(ServiceTitan client, Sandbox sandbox, RequestCounter counter,
      OkHttpClient http, String description) {
    this.client = client;
    this.sandbox = sandbox;
    this.counter = counter;
    this.http = http;
    this.description = description;
  }

  /**
   * Builds the client of {@code config}, starting a sandbox when it has no credentials.
   *
   * @param cache the response cache settings of this command
   * @param redactor learns the secrets so error lines never show them
   */
  public static Connection open(ClientConfig config, CacheSettings cache, Sandbox.Factory sandboxes,
      Redactor redactor) {
    Sandbox sandbox = null;
    SettingsChain settings;
    String description;
    if (config.isSandbox()) {
      sandbox = sandboxes.start(0);
      Map<String, String> vars = sandbox.environmentVariables();
      settings = SettingsChain.read(new Properties(), vars, null, null);
      description = "SANDBOX mode: embedded fake ServiceTitan at " + vars.get("ST_API_BASE_URL")
          + " (seeded demo data; set ST_* variables or ~/.titanj/config.properties for a real tenant)";
    } else {
      settings = config.settings();
      description = "tenant " + settings.tenant().orElse("?") + " via " + config.source();
    }
    redactor.remember(settings);
    RequestCounter counter = new RequestCounter();
    OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(counter).build();
    try {
      ServiceTitan st = settings.builder().cache(cache).httpClient(http).build();
      return new Connection(st, sandbox, counter, http, description);
    } catch (RuntimeException e) {
      if (sandbox != null) {
        sandbox.close();
      }
      shutdown(http);
      if (e instanceof IllegalArgumentException) {
        throw new UsageException("invalid configuration from " + config.source() + ": "
            + redactor.redact(e.getMessage()));
      }
      throw e;
    }
  }

  public ServiceTitan client() {
    return client;
  }

  /** Whether this connection talks to the embedded sandbox. */
  public boolean isSandbox() {
    return sandbox != null;
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  public RequestCounter requests() {
    return counter;
  }

  /** One line saying what this connection talks to; never contains secrets. */
  public String description() {
    return description;
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      shutdown(http);
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  private static void shutdown(OkHttpClient http) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
