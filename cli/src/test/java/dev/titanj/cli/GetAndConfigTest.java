package dev.titanj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.cli.internal.ClientConfig;
import dev.titanj.cli.internal.StopSignal;
import dev.titanj.cli.internal.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GetAndConfigTest {
  @TempDir
  Path home;

  static final Map<String, String> CREDENTIALS = Map.of("ST_CLIENT_ID", "cid-env",
      "ST_CLIENT_SECRET", "env-secret-ABC123", "ST_APP_KEY", "env-appkey-DEF456",
      "ST_TENANT_ID", "42", "ST_API_BASE_URL", "http://127.0.0.1:9",
      "ST_AUTH_BASE_URL", "http://127.0.0.1:9");

  @Test
  void get_existingId_printsTheRecordAsJson() {
    Cli r = Cli.run(Cli.fixtures(), "get", "crm", "customers", "7");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(0);
    assertThat(r.out).contains("\"id\": 7").contains("\"name\": \"Acme, \\\"Heating\\\" Inc.\"");
  }

  @Test
  void get_tableFormat_printsOneFieldPerLine() {
    Cli r = Cli.run(Cli.fixtures(), "get", "crm", "customers", "8", "--format", "table");

    assertThat(r.out.lines()).contains("id          8", "name        Customer 8");
  }

  @Test
  void get_missingId_exitsWith4() {
    Cli r = Cli.run(Cli.fixtures(), "get", "crm", "customers", "999");

    assertThat(r.exitCode).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(r.err).contains("crm customers 999 not found");
  }

  @Test
  void get_idOfTheWrongType_isAUsageErrorNamingIt() {
    Cli r = Cli.run(Cli.fixtures(), "get", "crm", "customers", "abc");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(QueryCommandTest.errorLine(r)).contains("id 'abc' is not valid for crm customers");
  }

  @Test
  void noCredentials_runsInSandboxModeAndSaysSo() {
    Cli r = Cli.run(Cli.fixtures(), "get", "crm", "customers", "1");

    assertThat(r.err).contains("*** SANDBOX mode");
  }

  @Test
  void environmentCredentials_areUsedAndNeverPrinted_evenWithVerboseAndOnErrors() {
    CliContext ctx = Cli.fixtures(CREDENTIALS, home, new StopSignal());
    List<Cli> runs = new ArrayList<>();
    runs.add(Cli.run(ctx, "--verbose", "query", "crm", "customers", "--limit", "2"));
    runs.add(Cli.run(ctx, "--verbose", "get", "crm", "customers", "2"));
    runs.add(Cli.run(ctx, "--verbose", "query", "crm", "customers", "--filter", "name=unauthorized"));
    runs.add(Cli.run(ctx, "--verbose", "query", "crm", "customers", "--filter", "name=leak"));

    for (Cli r : runs) {
      assertThat(r.err).doesNotContain("SANDBOX");
      assertThat(r.out + r.err).doesNotContain("env-secret-ABC123").doesNotContain("env-appkey-DEF456");
    }
    assertThat(runs.get(0).err).contains("tenant 42 via ST_* environment variables");
    assertThat(runs.get(3).err).contains("boom with <redacted> inside");
  }

  @Test
  void sandboxCredentials_areNeverPrintedByDataCommands() {
    for (String[] args : List.of(new String[] {"query", "crm", "customers", "--format", "json"},
        new String[] {"get", "crm", "customers", "3"}, new String[] {"demo"})) {
      Cli r = Cli.run(Cli.fixtures(), args);
      assertThat(r.out + r.err).as(String.join(" ", args)).doesNotContain(Cli.SANDBOX_SECRET)
          .doesNotContain(Cli.SANDBOX_APP_KEY);
    }
  }

  @Test
  void configFile_suppliesCredentials_andEnvironmentVariablesOverrideIt() throws IOException {
    Path file = home.resolve("creds.properties");
    Files.writeString(file, "client-id=file-id\nclient-secret=file-secret\napp-key=file-key\n"
        + "tenant-id=7\nenvironment=production\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    List<String> warnings = new ArrayList<>();

    ClientConfig fileOnly = ClientConfig.resolve(new Properties(), Map.of(), file, home, null, false, warnings::add);
    ClientConfig overridden = ClientConfig.resolve(new Properties(), Map.of("ST_TENANT_ID", "99"), file, home, null,
        false, warnings::add);

    assertThat(fileOnly.isSandbox()).isFalse();
    assertThat(fileOnly.settings().names()).contains("ST_CLIENT_ID", "ST_CLIENT_SECRET",
        "ST_APP_KEY");
    assertThat(fileOnly.settings().tenant()).contains("7");
    assertThat(fileOnly.settings().environment()).contains("production");
    assertThat(overridden.settings().tenant()).contains("99");
    assertThat(overridden.settings().missing()).isEmpty();
    assertThat(overridden.settings().toString()).doesNotContain("file-secret", "file-key");
    assertThat(overridden.source()).contains("config file").contains("environment variables");
    assertThat(warnings).isEmpty();
  }

  @Test
  void defaultConfigFile_inHome_isReadAndWarnedAboutWhenOthersCanReadIt() throws IOException {
    Path file = Files.createDirectories(home.resolve(".titanj")).resolve("config.properties");
    Files.writeString(file, "ST_CLIENT_ID=a\nST_CLIENT_SECRET=b-secret\nST_APP_KEY=c-key\nST_TENANT_ID=5\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    List<String> warnings = new ArrayList<>();

    ClientConfig cfg = ClientConfig.resolve(new Properties(), Map.of(), null, home, null, false, warnings::add);

    assertThat(cfg.settings().tenant()).contains("5");
    assertThat(warnings).singleElement().asString()
        .contains("readable by group or others").contains("chmod 600 " + file);
  }

  @Test
  void worldReadableConfigFile_warnsOnStderrOfTheCommand() throws IOException {
    Path file = home.resolve("c.properties");
    Files.writeString(file, "ST_CLIENT_ID=a\nST_CLIENT_SECRET=b-secret\nST_APP_KEY=c-key\n"
        + "ST_TENANT_ID=5\nST_API_BASE_URL=http://127.0.0.1:9\nST_AUTH_BASE_URL=http://127.0.0.1:9\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

    Cli r = Cli.run(Cli.fixtures(), "--config", file.toString(), "get", "crm", "customers", "1");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(0);
    assertThat(r.err).contains("warning: " + file).contains("chmod 600");
  }

  @Test
  void incompleteCredentials_nameTheMissingVariable() {
    assertThatThrownBy(() -> ClientConfig.resolve(new Properties(), Map.of("ST_CLIENT_ID", "x", "ST_CLIENT_SECRET", "y",
        "ST_TENANT_ID", "1"), null, home, null, false, w -> {}))
        .isInstanceOf(UsageException.class).hasMessageContaining("ST_APP_KEY is missing");
  }

  @Test
  void incompleteCredentials_nameEveryMissingVariableAtOnce() {
    assertThatThrownBy(() -> ClientConfig.resolve(new Properties(), Map.of("ST_CLIENT_ID", "x"),
        null, home, null, false, w -> {}))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("ST_CLIENT_SECRET, ST_APP_KEY, ST_TENANT_ID are missing");
  }

  @Test
  void systemProperties_overrideEnvironmentVariables_asInTheLibrary() {
    Properties system = new Properties();
    system.setProperty("titanj.tenant-id", "77");

    ClientConfig cfg = ClientConfig.resolve(system, CREDENTIALS, null, home, null, false, w -> {});

    assertThat(cfg.settings().tenant()).contains("77");
    assertThat(cfg.source()).contains("environment variables").contains("system properties");
  }

  @Test
  void unknownKeyInConfigFile_isAUsageErrorNamingTheKeyButNotItsValue() throws IOException {
    Path file = home.resolve("typo.properties");
    Files.writeString(file, "client-secrt=s3cr3t-value\n");

    assertThatThrownBy(() -> ClientConfig.resolve(new Properties(), Map.of(), file, home, null,
        false, w -> {}))
        .isInstanceOf(UsageException.class).hasMessageContaining("client-secrt")
        .hasMessageNotContaining("s3cr3t-value");
  }

  @Test
  void envOption_withoutCredentials_isAUsageErrorNotASilentSandbox() {
    Cli r = Cli.run(Cli.fixtures(), "--env", "production", "get", "crm", "customers", "1");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(QueryCommandTest.errorLine(r)).contains("--env production needs credentials");
  }

  @Test
  void envOption_replacesCustomBaseUrls() {
    ClientConfig cfg = ClientConfig.resolve(new Properties(), CREDENTIALS, null, home, "integration", false, w -> {});

    assertThat(cfg.settings().environment()).contains("integration");
    assertThat(cfg.settings().names()).doesNotContain("ST_API_BASE_URL", "ST_AUTH_BASE_URL");
  }

  @Test
  void missingConfigFile_isAUsageError() {
    Cli r = Cli.run(Cli.fixtures(), "--config", home.resolve("nope").toString(), "get", "crm",
        "customers", "1");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(QueryCommandTest.errorLine(r)).contains("does not exist");
  }
}
