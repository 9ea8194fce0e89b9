package dev.titanj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsChainTest {
  private static final Map<String, String> FULL = Map.of("ST_CLIENT_ID", "cid",
      "ST_CLIENT_SECRET", "the-secret-XYZ", "ST_APP_KEY", "the-app-key-QRS", "ST_TENANT_ID", "5",
      "ST_API_BASE_URL", "http://127.0.0.1:9", "ST_AUTH_BASE_URL", "http://127.0.0.1:9");

  @TempDir Path home;

  @Test
  void read_saysWhereSettingsCameFrom_andNeverShowsACredential() throws IOException {
    Path dir = Files.createDirectories(home.resolve(".titanj"));
    Files.writeString(dir.resolve("config.properties"), "client-secret=file-secret-999\n");

    SettingsChain chain = SettingsChain.read(new Properties(), FULL, null, home);

    assertThat(chain.source()).contains("config file").contains("ST_* environment variables");
    assertThat(chain.configFile()).contains(dir.resolve("config.properties"));
    assertThat(chain.names()).contains("ST_CLIENT_SECRET", "ST_APP_KEY");
    assertThat(chain.toString()).doesNotContain("the-secret-XYZ", "the-app-key-QRS",
        "file-secret-999");
  }

  @Test
  void missing_namesEveryAbsentCredential_andBuilderFailsNamingThemAllAtOnce() {
    SettingsChain chain = SettingsChain.read(new Properties(), Map.of("ST_CLIENT_ID", "x"), null,
        null);

    assertThat(chain.hasCredentials()).isTrue();
    assertThat(chain.missing()).containsExactly("ST_CLIENT_SECRET", "ST_APP_KEY", "ST_TENANT_ID");
    assertThatThrownBy(chain::builder).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ST_CLIENT_SECRET, ST_APP_KEY, ST_TENANT_ID are not set");
  }

  @Test
  void read_withNothingSet_hasNoCredentials() {
    SettingsChain chain = SettingsChain.read(new Properties(), Map.of(), null, home);

    assertThat(chain.hasCredentials()).isFalse();
    assertThat(chain.source()).isEqualTo("no settings found");
  }

  @Test
  void systemProperties_winOverEnvironment_andExplicitFileIsRead() throws IOException {
    Path file = Files.writeString(home.resolve("c.properties"), "tenant-id=3\nenvironment=production\n");
    Properties system = new Properties();
    system.setProperty("titanj.tenant-id", "8");

    SettingsChain chain = SettingsChain.read(system, Map.of("ST_TENANT_ID", "6"), file, home);

    assertThat(chain.tenant()).contains("8");
    assertThat(chain.environment()).contains("production");
    assertThat(chain.source()).contains("system properties");
  }

  @Test
  void withEnvironment_replacesCustomBaseUrls_andRefusesAnUnknownName() {
    SettingsChain chain = SettingsChain.read(new Properties(), FULL, null, null);

    SettingsChain integration = chain.withEnvironment("integration");

    assertThat(integration.environment()).contains("integration");
    assertThat(integration.names()).doesNotContain("ST_API_BASE_URL", "ST_AUTH_BASE_URL");
    assertThatThrownBy(() -> chain.withEnvironment("staging"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rememberSecrets_teachesAScrubberTheSecretAndAppKey() {
    SettingsChain chain = SettingsChain.read(new Properties(), FULL, null, null);
    SecretScrubber scrubber = new SecretScrubber();

    chain.rememberSecrets(scrubber);

    assertThat(scrubber.scrub("echo the-secret-XYZ and the-app-key-QRS"))
        .doesNotContain("the-secret-XYZ", "the-app-key-QRS");
  }

  @Test
  void builder_buildsAClientFromTheChain() {
    try (ServiceTitan st = SettingsChain.read(new Properties(), FULL, null, null).builder().build()) {
      assertThat(st.tenantId()).isEqualTo(5L);
    }
  }
}
