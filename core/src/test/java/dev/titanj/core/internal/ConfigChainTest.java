package dev.titanj.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.ServiceTitan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One settings chain: system properties over environment variables over the config file. */
class ConfigChainTest {
  @TempDir
  Path home;

  private Path writeConfig(String text) throws IOException {
    Path dir = Files.createDirectories(home.resolve(".titanj"));
    return Files.writeString(dir.resolve("config.properties"), text);
  }

  @Test
  void resolve_mergesKeyByKey_systemPropertiesOverEnvironmentOverFile() throws IOException {
    writeConfig("client-id=from-file\nclient-secret=file-secret\napp-key=file-key\ntenant-id=1\n");
    Properties system = new Properties();
    system.setProperty("titanj.client-id", "from-property");
    Map<String, String> env = Map.of("ST_APP_KEY", "env-key", "ST_CLIENT_ID", "from-env");

    Map<String, String> merged = ConfigChain.resolve(system, env, home);

    assertThat(merged).containsEntry("ST_CLIENT_ID", "from-property")
        .containsEntry("ST_APP_KEY", "env-key")
        .containsEntry("ST_CLIENT_SECRET", "file-secret")
        .containsEntry("ST_TENANT_ID", "1");
  }

  @Test
  void resolve_withANamedFile_readsIt_andAMissingNamedFile_isAnError() throws IOException {
    Path other = Files.writeString(home.resolve("other.properties"), "ST_TENANT_ID=9\n");
    Properties system = new Properties();
    system.setProperty("titanj.config", other.toString());

    assertThat(ConfigChain.resolve(system, Map.of(), home)).containsEntry("ST_TENANT_ID", "9");
    assertThatThrownBy(() -> ConfigChain.resolve(new Properties(),
        Map.of("ST_CONFIG_FILE", home.resolve("nope").toString()), home))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
  }

  @Test
  void readFile_withAnUnknownKey_failsNamingIt_butNotItsValue() throws IOException {
    Path file = writeConfig("client-secrt=s3cr3t\n");

    assertThatThrownBy(() -> ConfigChain.readFile(file))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client-secrt")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void builderFromEnv_namesEveryMissingSettingAtOnce() {
    assertThatThrownBy(() -> ServiceTitan.builderFromEnv(Map.of("ST_CLIENT_ID", "id")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ST_CLIENT_SECRET, ST_APP_KEY, ST_TENANT_ID are not set");
  }
}
