package dev.titanj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plain {@code http://} only to loopback, decided from the URL text alone: 127.0.0.0/8 as a
 * dotted quad, {@code ::1} and the name {@code localhost}. Everything else is refused before a
 * client exists, so no request (not even a DNS lookup) can carry a credential in clear text.
 */
class EnvironmentLoopbackTest {

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080", "http://LOCALHOST", "http://127.0.0.1:9",
      "http://127.3.2.1", "http://127.255.255.254", "http://[::1]:8080",
      "http://[0:0:0:0:0:0:0:1]", "https://api.example.com", "https://127.0.0.1.nip.io"})
  void custom_withHttpsOrALoopbackLiteral_isAccepted(String url) {
    Environment env = Environment.custom(url, url);

    assertThat(env.apiBase().toString()).isEqualToIgnoringCase(url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1.nip.io", "http://localhost.evil.com",
      "http://localhost.", "http://api.localhost", "http://a.b.localhost:8080",
      "http://0.0.0.0", "http://[::ffff:127.0.0.1]", "http://[::ffff:7f00:1]",
      "http://127.1", "http://2130706433", "http://0x7f.0.0.1", "http://0127.0.0.1",
      "http://127.0.0.256", "http://128.0.0.1", "http://10.0.0.5", "http://[::]",
      "http://[fe80::1]", "http://api.example.com", "http://localhost-evil.com"})
  void custom_withPlainHttpToAnythingButLoopback_isRefusedNamingTheSetting(String url) {
    assertThatThrownBy(() -> Environment.custom(url, "https://auth.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiBase")
        .hasMessageMatching(".*(not loopback|must be an absolute URL with a host).*");
    assertThatThrownBy(() -> Environment.custom("https://api.example.com", url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("authBase");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1.nip.io", "http://api.localhost", "http://0.0.0.0"})
  void fromEnv_withPlainHttpToANonLoopbackHost_failsBeforeAnyClientExists(String url) {
    Map<String, String> env = Map.of("ST_API_BASE_URL", url, "ST_AUTH_BASE_URL", url,
        "ST_CLIENT_ID", "id", "ST_CLIENT_SECRET", "secret", "ST_APP_KEY", "key",
        "ST_TENANT_ID", "1");

    assertThatThrownBy(() -> ServiceTitan.fromEnv(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiBase")
        .hasMessageNotContaining("secret");
  }
}
