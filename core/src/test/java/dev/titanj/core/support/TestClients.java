package dev.titanj.core.support;

import static dev.titanj.core.support.FakeServiceTitanServer.APP_KEY;
import static dev.titanj.core.support.FakeServiceTitanServer.CLIENT_ID;
import static dev.titanj.core.support.FakeServiceTitanServer.CLIENT_SECRET;
import static dev.titanj.core.support.FakeServiceTitanServer.TENANT;

import dev.titanj.core.Environment;
import dev.titanj.core.RateLimit;
import dev.titanj.core.ServiceTitan;
import mockwebserver3.MockWebServer;

/** Builders of clients pointed at a loopback {@link MockWebServer}. */
public final class TestClients {
  private TestClients() {}

  /** Environment whose API and auth base URLs are both the server. */
  public static Environment environment(MockWebServer server) {
    String base = server.url("/").toString();
    return Environment.custom(base, base);
  }

  /**
   * A builder with the fake credentials, the given clock and sleeper, and no client-side rate
   * limit (so tests that are not about it never wait).
   */
  public static ServiceTitan.Builder builder(MockWebServer server, ManualClock clock,
      RecordingSleeper sleeper) {
    return ServiceTitan.builder()
        .environment(environment(server))
        .clientCredentials(CLIENT_ID, CLIENT_SECRET)
        .appKey(APP_KEY)
        .tenant(TENANT)
        .clock(clock)
        .sleeper(sleeper)
        .rateLimit(RateLimit.unlimited());
  }
}
