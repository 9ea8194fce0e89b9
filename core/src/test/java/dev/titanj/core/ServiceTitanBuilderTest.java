package dev.titanj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.support.FakeServiceTitanServer;
import dev.titanj.core.support.TestClients;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class ServiceTitanBuilderTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private ServiceTitan.Builder valid() {
    return ServiceTitan.builder()
        .environment(TestClients.environment(server))
        .clientCredentials("id", "secret-value")
        .appKey("app-key-value")
        .tenant(5);
  }

  @Test
  void blankCredentials_areRejectedNamingTheArgument_beforeAnyRequest() {
    assertThatThrownBy(() -> ServiceTitan.builder().clientCredentials(" ", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientId");
    assertThatThrownBy(() -> ServiceTitan.builder().clientCredentials("x", ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientSecret");
    assertThatThrownBy(() -> ServiceTitan.builder().clientCredentials(null, "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientId");
    assertThatThrownBy(() -> ServiceTitan.builder().appKey("\t"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appKey");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void pagingParallelismOutOfRange_isRejectedNamingTheSetting() {
    assertThatThrownBy(() -> ServiceTitan.builder().pagingParallelism(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pagingParallelism");
    assertThatThrownBy(() -> ServiceTitan.builder().pagingParallelism(17))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 16");
  }

  @Test
  void nonPositiveTenant_isRejectedNamingTheArgument() {
    assertThatThrownBy(() -> ServiceTitan.builder().tenant(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant");
    assertThatThrownBy(() -> ServiceTitan.builder().tenant(-3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant");
    try (ServiceTitan st = valid().build()) {
      assertThatThrownBy(() -> st.withTenant(0, "id", "secret"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenantId");
      assertThatThrownBy(() -> st.withTenant(9, "id", " "))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientSecret");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void plainHttpToAPublicHost_isRejectedNamingTheArgument() {
    assertThatThrownBy(() -> Environment.custom("http://api.example.com", "https://auth.example.com"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiBase")
        .hasMessageContaining("http://");
    assertThatThrownBy(() -> Environment.custom("https://api.example.com", "http://10.0.0.8"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authBase");
    assertThatThrownBy(() -> Environment.custom("ftp://x", "https://y"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiBase");
    assertThatThrownBy(() -> Environment.custom((URI) null, URI.create("https://y")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiBase");
  }

  @Test
  void plainHttpToLoopback_isAccepted() {
    assertThat(Environment.custom("http://localhost:8080/", "http://127.0.0.1:9090").apiBase())
        .isEqualTo(URI.create("http://localhost:8080"));
    assertThat(Environment.custom("http://[::1]:8080", "http://127.0.0.2").tokenEndpoint())
        .isEqualTo(URI.create("http://127.0.0.2/connect/token"));
  }

  @Test
  void builtInEnvironments_pointAtServiceTitan() {
    assertThat(Environment.PRODUCTION.tokenEndpoint())
        .isEqualTo(URI.create("https://auth.servicetitan.io/connect/token"));
    assertThat(Environment.INTEGRATION.apiBase())
        .isEqualTo(URI.create("https://api-integration.servicetitan.io"));
    assertThat(Environment.named("Production")).isSameAs(Environment.PRODUCTION);
    assertThatThrownBy(() -> Environment.named("staging"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("environment");
  }

  @Test
  void nullEnvironmentAndMissingSettings_areRejected() {
    assertThatThrownBy(() -> ServiceTitan.builder().environment(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("environment");
    assertThatThrownBy(() -> ServiceTitan.builder().clientCredentials("a", "b").appKey("k")
        .tenant(1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("environment");
    assertThatThrownBy(() -> ServiceTitan.builder().environment(Environment.INTEGRATION)
        .clientCredentials("a", "b").tenant(1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appKey");
    assertThatThrownBy(() -> ServiceTitan.builder().environment(Environment.INTEGRATION)
        .appKey("k").tenant(1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientCredentials");
    assertThatThrownBy(() -> ServiceTitan.builder().environment(Environment.INTEGRATION)
        .clientCredentials("a", "b").appKey("k").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant");
  }

  @Test
  void timeouts_mustBePositive() {
    assertThatThrownBy(() -> ServiceTitan.builder().callTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callTimeout");
    assertThatThrownBy(() -> ServiceTitan.builder().readTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> ServiceTitan.builder().connectTimeout(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
  }

  @Test
  void defaultTimeouts_areNonZeroAndApplied() {
    try (ServiceTitan st = valid().build()) {
      okhttp3.OkHttpClient http = dev.titanj.core.internal.TestAccess.http(dev.titanj.core.internal.TitanContext.of(st));
      assertThat(http.connectTimeoutMillis()).isEqualTo(10_000);
      assertThat(http.readTimeoutMillis()).isEqualTo(100_000);
      assertThat(http.writeTimeoutMillis()).isEqualTo(100_000);
      assertThat(http.callTimeoutMillis()).isEqualTo(120_000);
      assertThat(http.followRedirects()).isFalse();
    }
  }

  @Test
  void userSuppliedHttpClient_sharesItsPoolButGetsOurTimeoutsAndNoRedirects() {
    okhttp3.OkHttpClient mine = new okhttp3.OkHttpClient.Builder().followRedirects(true).build();
    try (ServiceTitan st = valid().httpClient(mine).readTimeout(Duration.ofSeconds(7)).build()) {
      okhttp3.OkHttpClient http = dev.titanj.core.internal.TestAccess.http(dev.titanj.core.internal.TitanContext.of(st));
      assertThat(http.connectionPool()).isSameAs(mine.connectionPool());
      assertThat(http.dispatcher()).isSameAs(mine.dispatcher());
      assertThat(http.readTimeoutMillis()).isEqualTo(7_000);
      assertThat(http.followRedirects()).isFalse();
    }
    // Closing our client leaves the caller's dispatcher running.
    assertThat(mine.dispatcher().executorService().isShutdown()).isFalse();
  }

  @Test
  void fromEnv_readsVariables_andNamesTheMissingOne() {
    Map<String, String> env = new HashMap<>();
    env.put("ST_ENVIRONMENT", "production");
    env.put("ST_CLIENT_ID", "cid");
    env.put("ST_CLIENT_SECRET", "csecret");
    env.put("ST_APP_KEY", "akey");
    env.put("ST_TENANT_ID", "42");
    try (ServiceTitan st = ServiceTitan.fromEnv(env)) {
      assertThat(st.environment()).isSameAs(Environment.PRODUCTION);
      assertThat(st.tenantId()).isEqualTo(42);
    }

    env.remove("ST_APP_KEY");
    assertThatThrownBy(() -> ServiceTitan.fromEnv(env))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ST_APP_KEY");
    env.put("ST_APP_KEY", "akey");
    env.put("ST_TENANT_ID", "abc");
    assertThatThrownBy(() -> ServiceTitan.fromEnv(env))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ST_TENANT_ID");
    env.put("ST_TENANT_ID", "42");
    env.put("ST_API_BASE_URL", "http://api.example.com");
    env.put("ST_AUTH_BASE_URL", "https://auth.example.com");
    assertThatThrownBy(() -> ServiceTitan.fromEnv(env))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiBase");
  }

  @Test
  void unusedClient_makesNoRequest() {
    try (ServiceTitan st = valid().build()) {
      assertThat(st.tokenRequestCount()).isZero();
    }
    assertThat(server.getRequestCount()).isZero();
    assertThat(FakeServiceTitanServer.TENANT).isPositive();
  }
}
