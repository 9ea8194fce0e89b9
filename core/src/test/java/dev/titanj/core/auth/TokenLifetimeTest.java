package dev.titanj.core.auth;

import static dev.titanj.core.support.FakeServiceTitanServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.ServiceTitan;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.core.support.FakeApi;
import dev.titanj.core.support.FakeServiceTitanServer;
import dev.titanj.core.support.ManualClock;
import dev.titanj.core.support.RecordingSleeper;
import dev.titanj.core.support.TestClients;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Token lifetimes from the token endpoint are clamped to [margin + 60 s, 24 h]. */
class TokenLifetimeTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeServiceTitanServer fake = new FakeServiceTitanServer();
  final ManualClock clock = ManualClock.atEpochDay();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  ServiceTitan st;

  @BeforeEach
  void setUp() {
    server.setDispatcher(fake);
    st = TestClients.builder(server, clock, sleeper).build();
  }

  @AfterEach
  void tearDown() {
    st.close();
  }

  private Map<String, Object> get() {
    TitanContext ctx = TitanContext.of(st);
    return ctx.execute(ctx.api(FakeApi.class).customer(st.tenantId(), 1));
  }

  private void tokenSays(String expiresIn) {
    for (int i = 0; i < 10; i++) {
      fake.enqueueToken(json(200,
          "{\"access_token\":\"token-x" + i + "\",\"expires_in\":" + expiresIn + "}"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e20", "9223372036854775807", "\"9223372036854775807000\"", "1e308"})
  void hugeExpiresIn_neitherBreaksCallsNorCostsATokenPerCall(String expiresIn) {
    tokenSays(expiresIn);

    for (int i = 0; i < 5; i++) {
      assertThat(get()).containsEntry("name", "Acme");
    }

    assertThat(fake.tokenRequests()).hasSize(1);
  }

  @Test
  void hugeExpiresIn_isCappedAt24Hours() {
    tokenSays("1e20");
    get();

    clock.advance(Duration.ofHours(24).minusMinutes(2));
    get();
    assertThat(fake.tokenRequests()).hasSize(1);

    clock.advance(Duration.ofMinutes(2));
    get();
    assertThat(fake.tokenRequests()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "-9223372036854775808", "30", "59", "60"})
  void zeroNegativeOrShorterThanTheRefreshMargin_stillUsesOneTokenForAMinute(String expiresIn) {
    tokenSays(expiresIn);

    for (int i = 0; i < 5; i++) {
      get();
    }
    assertThat(fake.tokenRequests()).hasSize(1);

    // margin (60 s) + 60 s: usable for the first minute, refreshed after it.
    clock.advance(Duration.ofSeconds(59));
    get();
    assertThat(fake.tokenRequests()).hasSize(1);
    clock.advance(Duration.ofSeconds(2));
    get();
    assertThat(fake.tokenRequests()).hasSize(2);
  }

  @Test
  void ordinaryExpiresIn_isKeptAsIs() {
    tokenSays("900");
    get();

    clock.advance(Duration.ofSeconds(900 - 60 - 1));
    get();
    assertThat(fake.tokenRequests()).hasSize(1);
    clock.advance(Duration.ofSeconds(2));
    get();
    assertThat(fake.tokenRequests()).hasSize(2);
  }
}
