package dev.titanj.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.testing.FakeServiceTitan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link SecretScanScenario} in a child JVM with every logger at TRACE (so this test does
 * not depend on which logger another test created first) and scans everything it printed, logs,
 * exception messages, stack traces and toString() output, for the client secret, the app key and
 * every token the fake server issued.
 */
class SecretsInLogsTest {

  @Test
  @Timeout(180)
  void traceLogsOfABroadScenario_holdNoSecretAppKeyOrToken(@TempDir Path dir) throws Exception {
    Path tokens = dir.resolve("tokens.txt");
    Path output = dir.resolve("output.txt");
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
        "-Dorg.slf4j.simpleLogger.showDateTime=false",
        "-cp", classpath,
        SecretScanScenario.class.getName(), tokens.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("scenario finished in time").isTrue();
    String log = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(tail(log)).isZero();

    // The scenario really ran and really logged at DEBUG and TRACE.
    assertThat(log).contains("scenario finished").contains("--> GET /crm/v2/tenant/")
        .contains("--> headers").contains("Authorization: Bearer <redacted>")
        .contains("ST-App-Key: <redacted>").contains("retrying")
        .contains("answered 401").contains("invalid_client").contains("ambiguous POST failed")
        .contains("may or may not have been applied")
        .contains("api echo ECHO_400 failed").contains("api echo ECHO_500 failed")
        .contains("token echo ECHO_503 failed").contains("you sent").contains("X-Echo-Token: <redacted>")
        .contains("sent 4 times; the write may or may not have been applied");
    List<String> issued = Files.readAllLines(tokens, StandardCharsets.UTF_8);
    // First token, one after revocation, one after the 500 and revocation.
    assertThat(issued).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();

    assertThat(log).doesNotContain(FakeServiceTitan.DEFAULT_CLIENT_SECRET)
        .doesNotContain(java.net.URLEncoder.encode(FakeServiceTitan.DEFAULT_CLIENT_SECRET,
            StandardCharsets.UTF_8))
        .doesNotContain(FakeServiceTitan.DEFAULT_APP_KEY);
    for (String token : issued) {
      assertThat(log).as("an issued token").doesNotContain(token);
    }
    System.out.printf("[reliability] secret scan: %d lines of TRACE output, %d issued tokens,"
        + " 0 occurrences of secret, app key or token; %d lines mention an echo%n",
        log.lines().count(), issued.size(), log.lines().filter(l -> l.contains("echo")).count());
  }

  private static String tail(String s) {
    return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
  }
}
