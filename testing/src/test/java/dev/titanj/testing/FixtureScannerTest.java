package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link FixtureScanner} flags, and this module's own fixtures passing it. */
class FixtureScannerTest {

  @Test
  void thisModulesFixtures_holdNoSecrets() {
    Path root = TitanFixturesExtension.DEFAULT_ROOT;
    assertThat(root.resolve("crm/customers")).isDirectory();
    FixtureScanner.assertNoSecrets(root);
  }

  @Test
  void flagsBearerTokensAndJwts() {
    String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
    List<FixtureScanner.Finding> f = FixtureScanner.scanText("t.json",
        "{\n  \"note\": \"Authorization: Bearer abcdefghijklmnop\",\n  \"x\": \"" + jwt + "\"\n}");

    assertThat(f).extracting(FixtureScanner.Finding::rule)
        .contains("bearer token", "JWT-shaped string");
    assertThat(f).extracting(FixtureScanner.Finding::line).contains(2, 3);
  }

  @Test
  void flagsSecretFieldValues_butAllowsTheSyntheticToken() {
    List<FixtureScanner.Finding> f = FixtureScanner.scanText("t.json", String.join("\n",
        "{",
        "  \"client_secret\": \"hunter2\",",
        "  \"access_token\": \"real-looking-token-value\",",
        "  \"ST-App-Key\": \"whatever\",",
        "  \"access_token\": \"" + FixtureScanner.SYNTHETIC_TOKEN + "\",",
        "  \"name\": \"Jane\"",
        "}"));

    assertThat(f).extracting(FixtureScanner.Finding::line).containsExactly(2, 3, 4);
  }

  @Test
  void flagsServiceTitanCredentialShapes_formSecrets_andHighEntropyAuthFields() {
    List<FixtureScanner.Finding> f = FixtureScanner.scanText("t.json", String.join("\n",
        "{",
        "  \"memo\": \"key ak1.abcdefghij0123456789\",",
        "  \"body\": \"grant_type=client_credentials&client_secret=x\",",
        "  \"sessionKey\": \"Zx8Qp2Lm9Vt4Rb7Nc1Kd6Hf3Jg5Ws0Ya\",",
        "  \"tokenTypeName\": \"Bearer\",",
        "  \"referenceNumber\": \"Zx8Qp2Lm9Vt4Rb7Nc1Kd6Hf3Jg5Ws0Ya\"",
        "}"));

    assertThat(f).extracting(FixtureScanner.Finding::line).containsExactly(2, 3, 4);
  }

  @Test
  void findings_neverRepeatTheWholeSecret() {
    List<FixtureScanner.Finding> f = FixtureScanner.scanText("t.json",
        "{\"client_secret\": \"cs1-very-secret-value\"}");

    assertThat(f).hasSize(1);
    assertThat(f.get(0).toString()).contains("cs1-...").doesNotContain("very-secret");
  }

  @Test
  void ordinaryApiData_isClean() {
    String page = "{\n  \"id\": 1000002,\n  \"name\": \"Harris Logistics\",\n"
        + "  \"createdOn\": \"2024-05-21T14:20:52Z\",\n  \"traceId\": \"fake-0000000000000001\",\n"
        + "  \"token_type\": \"Bearer\"\n}";
    assertThat(FixtureScanner.scanText("t.json", page)).isEmpty();
  }

  @Test
  void assertNoSecrets_listsEveryFindingWithFileAndLine(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("a"));
    Files.writeString(dir.resolve("a/leak.json"), "{\n\"client_secret\": \"s3cr3t-value\"\n}");
    Files.writeString(dir.resolve("a/clean.json"), "{\"id\": 1}");

    assertThatThrownBy(() -> FixtureScanner.assertNoSecrets(dir))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("leak.json:2")
        .hasMessageNotContaining("clean.json")
        .hasMessageNotContaining("s3cr3t-value");
    assertThat(FixtureScanner.scan(dir.resolve("missing"))).isEmpty();
  }
}
