package dev.titanj.core.http;

import static dev.titanj.core.support.FakeServiceTitanServer.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.RateLimit;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.core.support.FakeApi;
import dev.titanj.core.support.FakeServiceTitanServer;
import dev.titanj.core.support.ManualClock;
import dev.titanj.core.support.RecordingSleeper;
import dev.titanj.core.support.TestClients;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class ClientRateLimitTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeServiceTitanServer fake = new FakeServiceTitanServer();
  final ManualClock clock = ManualClock.atEpochDay();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);

  @Test
  void apiCalls_areSpacedByTheClientRateLimit_onTheInjectedClock() {
    server.setDispatcher(fake);
    try (ServiceTitan st = TestClients.builder(server, clock, sleeper)
        .rateLimit(RateLimit.perSecond(10)).build()) {
      TitanContext ctx = TitanContext.of(st);
      FakeApi api = ctx.api(FakeApi.class);
      for (int i = 0; i < 12; i++) {
        ctx.execute(api.customer(TENANT, i));
      }
    }

    // At most 10 in any second: 10 at once, the 11th a second after the first (the 12th then
    // goes with it); the token request is not counted.
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
    assertThat(fake.apiRequests()).hasSize(12);
  }

  @Test
  void unlimited_neverWaits() {
    server.setDispatcher(fake);
    try (ServiceTitan st = TestClients.builder(server, clock, sleeper)
        .rateLimit(RateLimit.unlimited()).build()) {
      TitanContext ctx = TitanContext.of(st);
      for (int i = 0; i < 50; i++) {
        ctx.execute(ctx.api(FakeApi.class).customer(TENANT, i));
      }
    }
    assertThat(sleeper.sleeps()).isEmpty();
  }
}
