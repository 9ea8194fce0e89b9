package dev.titanj.core.auth;

import static dev.titanj.core.support.FakeServiceTitanServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.Environment;
import dev.titanj.core.RateLimit;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.core.support.FakeApi;
import dev.titanj.core.support.ManualClock;
import dev.titanj.core.support.RecordingSleeper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token client against a real OAuth 2.0 server implementation: issuer {@code connect} of
 * mock-oauth2-server serves {@code /connect/token}. The server is heavy, so it is started once.
 */
class MockOAuth2ServerTest {
  static MockOAuth2Server oauth;

  @StartStop
  final MockWebServer api = new MockWebServer();

  final ManualClock clock = ManualClock.atEpochDay();
  volatile String lastAuthorization;

  @BeforeAll
  static void startOAuthServer() {
    oauth = new MockOAuth2Server();
    oauth.start();
  }

  @AfterAll
  static void stopOAuthServer() {
    oauth.shutdown();
  }

  @BeforeEach
  void setUp() throws Exception {
    // Drain requests recorded by earlier tests (takeRequest throws once the queue is empty).
    try {
      while (true) {
        oauth.takeRequest(10, TimeUnit.MILLISECONDS);
      }
    } catch (RuntimeException drained) {
      // empty
    }
    api.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        lastAuthorization = request.getHeaders().get("Authorization");
        return json(200, "{\"id\":7}");
      }
    });
  }

  private ServiceTitan client() {
    return ServiceTitan.builder()
        .environment(Environment.custom(api.url("/").toString(), oauth.baseUrl().toString()))
        .clientCredentials("titanj-test-client", "titanj-test-secret")
        .appKey("titanj-test-app-key")
        .tenant(77)
        .clock(clock)
        .sleeper(new RecordingSleeper(clock))
        .rateLimit(RateLimit.unlimited())
        .build();
  }

  private static Map<String, Object> call(ServiceTitan st) {
    TitanContext ctx = TitanContext.of(st);
    return ctx.execute(ctx.api(FakeApi.class).customer(st.tenantId(), 7));
  }

  @Test
  void tokenEndpoint_isTheConnectIssuersTokenEndpoint() {
    assertThat(Environment.custom(api.url("/").toString(), oauth.baseUrl().toString())
        .tokenEndpoint().toString()).isEqualTo(oauth.tokenEndpointUrl("connect").toString());
  }

  @Test
  void clientCredentialsGrant_yieldsAJwtThatIsSentAsBearer() throws Exception {
    try (ServiceTitan st = client()) {
      assertThat(call(st)).containsEntry("id", 7.0);
    }

    okhttp3.mockwebserver.RecordedRequest tokenRequest = oauth.takeRequest(5, TimeUnit.SECONDS);
    assertThat(tokenRequest.getPath()).isEqualTo("/connect/token");
    String form = tokenRequest.getBody().readUtf8();
    assertThat(form).contains("grant_type=client_credentials").contains("client_id=titanj-test-client");

    assertThat(lastAuthorization).startsWith("Bearer ");
    String[] jwt = lastAuthorization.substring("Bearer ".length()).split("\\.");
    assertThat(jwt).hasSize(3);
    String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
    assertThat(claims).contains("/connect\"").contains("titanj-test-client");
  }

  @Test
  void manyCalls_shareOneTokenUntilItsExpiresInRunsOut() {
    try (ServiceTitan st = client()) {
      for (int i = 0; i < 20; i++) {
        call(st);
      }
      assertThat(st.tokenRequestCount()).isEqualTo(1);
      String first = lastAuthorization;

      // mock-oauth2-server issues tokens with expires_in 3600 by default.
      clock.advance(Duration.ofSeconds(3600 - 60 + 1));
      call(st);

      assertThat(st.tokenRequestCount()).isEqualTo(2);
      assertThat(lastAuthorization).isNotEqualTo(first);
    }
  }
}
