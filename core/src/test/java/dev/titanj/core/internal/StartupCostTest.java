package dev.titanj.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.Environment;
import dev.titanj.core.ServiceTitan;
import org.junit.jupiter.api.Test;

/** What building a client must not pay for: TLS it will never use. */
class StartupCostTest {
  private static ServiceTitan client(Environment environment) {
    return ServiceTitan.builder().environment(environment).clientCredentials("id", "secret")
        .appKey("app").tenant(1).build();
  }

  @Test
  void loopbackHttpClient_buildsNoTlsSocketFactory() {
    try (ServiceTitan st = client(Environment.custom("http://127.0.0.1:1", "http://127.0.0.1:2"))) {
      assertThatThrownBy(() -> TitanContext.of(st).httpClient().sslSocketFactory())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("CLEARTEXT");
    }
  }

  @Test
  void httpsClient_keepsTls() {
    try (ServiceTitan st = client(Environment.INTEGRATION)) {
      assertThat(TitanContext.of(st).httpClient().sslSocketFactory()).isNotNull();
    }
  }
}
