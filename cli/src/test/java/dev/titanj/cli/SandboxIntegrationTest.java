package dev.titanj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.titanj.cli.internal.CliResource;
import dev.titanj.cli.internal.FakeServerSandbox;
import dev.titanj.cli.internal.ResourceRegistry;
import dev.titanj.cli.internal.Sandbox;
import dev.titanj.cli.internal.StopSignal;
import dev.titanj.core.ResourceCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real modules against the real embedded fake ServiceTitan, over loopback HTTP. One fake
 * server serves the class; the CLI reaches it through ST_* variables like a user's shell would.
 */
class SandboxIntegrationTest {
  static Sandbox sandbox;
  static Map<String, String> env;

  @TempDir
  Path dir;

  @BeforeAll
  static void startFake() {
    sandbox = FakeServerSandbox.factory().start(0);
    env = sandbox.environmentVariables();
  }

  @AfterAll
  static void stopFake() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  static CliContext context(StopSignal stop) {
    return new CliContext(env, null, ResourceCatalog.installed(), FakeServerSandbox.factory(), stop,
        false, false);
  }

  static Cli run(String... args) {
    return Cli.run(context(new StopSignal()), args);
  }

  @Test
  void demo_inTheSandbox_showsACacheHitAndTheSummary() {
    Cli r = Cli.run(new CliContext(Map.of(), null, ResourceCatalog.installed(),
        FakeServerSandbox.factory(), new StopSignal(), false, false), "demo");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(0);
    assertThat(r.out).contains("SANDBOX mode", "cache hit, no HTTP request", "resume token:",
        "requests the fake server answered", "token requests (client): 1", "crm.customers");
    assertThat(r.out + r.err).doesNotContain(env.get("ST_CLIENT_SECRET"));
  }

  @Test
  void query_customers_inAllThreeFormats() {
    Cli table = run("query", "crm", "customers", "--limit", "3", "--columns", "id,name,active");
    Cli json = run("query", "crm", "customers", "--limit", "3", "--format", "json");
    Cli csv = run("query", "crm", "customers", "--limit", "3", "--format", "csv",
        "--columns", "id,name");

    assertThat(table.exitCode).as(table.toString()).isEqualTo(0);
    assertThat(table.out.lines()).hasSize(5).first().asString().startsWith("id").contains("name");
    assertThat(json.exitCode).as(json.toString()).isEqualTo(0);
    assertThat(json.out).startsWith("[").contains("\"id\"");
    assertThat(json.out.split("\n  \\{").length - 1).isEqualTo(3);
    assertThat(csv.exitCode).as(csv.toString()).isEqualTo(0);
    assertThat(csv.out.split("\r\n")).hasSize(4).startsWith("id,name");
  }

  @Test
  void query_filtersAndSortReachTheServer() {
    Cli r = run("query", "crm", "customers", "--filter", "active=Any",
        "--filter", "modifiedOnOrAfter=2024-06-01", "--sort", "-ModifiedOn", "--limit", "5",
        "--format", "jsonl");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(0);
    List<String> modified = r.out.lines()
        .map(l -> l.replaceAll(".*\"modifiedOn\":\"([^\"]+)\".*", "$1")).collect(Collectors.toList());
    assertThat(modified).hasSize(5).isSortedAccordingTo(java.util.Comparator.reverseOrder())
        .allMatch(m -> m.compareTo("2024-06-01") >= 0);
  }

  @Test
  void query_badFilterNamesAndValues_areRejectedBeforeAnyRequest() {
    long before = sandbox.requestCount().orElseThrow();

    Cli r = run("query", "crm", "customers", "--filter", "colour=red",
        "--filter", "modifiedOnOrAfter=yesterday", "--filter", "active=sometimes");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(sandbox.requestCount().orElseThrow()).isEqualTo(before);
    assertThat(QueryCommandTest.errorLine(r)).contains("'colour'", "'yesterday'", "'sometimes'");
  }

  @Test
  void get_customerById_andMissingId() {
    Cli list = run("query", "crm", "customers", "--limit", "1", "--format", "jsonl");
    String id = list.out.replaceAll("(?s).*\"id\":(\\d+).*", "$1");

    Cli found = run("get", "crm", "customers", id);
    Cli missing = run("get", "crm", "customers", "999999999");

    assertThat(found.exitCode).as(found.toString()).isEqualTo(0);
    assertThat(found.out).contains("\"id\": " + id);
    assertThat(missing.exitCode).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void export_interruptedThenResumedWithState_matchesAFullExportWithNoDuplicates() throws IOException {
    Path full = dir.resolve("full.jsonl");
    Cli whole = run("export", "crm", "customers", "--out", full.toString(), "--progress", "none");
    assertThat(whole.exitCode).as(whole.toString()).isEqualTo(0);
    List<String> expected = Files.readAllLines(full, StandardCharsets.UTF_8);
    assumeTrue(expected.size() > 10, "the fake has customers to export");

    String[] args = {"export", "crm", "customers", "--out", dir.resolve("c.jsonl").toString(),
        "--state", dir.resolve("c.state").toString(), "--progress", "plain"};
    long stopAt = expected.size() / 2 + 3;
    Cli first = Cli.run(context(new StopSignal() {
      @Override
      public void recordWritten(long total) {
        if (total >= stopAt) {
          requestStop();
        }
      }
    }), args);
    Cli second = run(args);
    Cli third = run(args);

    assertThat(first.exitCode).as(first.toString()).isIn(0, ExitCodes.INTERRUPTED);
    assertThat(second.exitCode).as(second.toString()).isEqualTo(0);
    assertThat(third.exitCode).as(third.toString()).isEqualTo(0);
    List<String> resumed = Files.readAllLines(dir.resolve("c.jsonl"), StandardCharsets.UTF_8);
    assertThat(resumed).containsExactlyElementsOf(expected);
    assertThat(resumed.stream().map(l -> l.replaceAll(".*?\"id\":(\\d+).*", "$1")))
        .doesNotHaveDuplicates();
  }

  @Test
  void everyResourceWithAQuery_answersOne() {
    List<String> failures = new ArrayList<>();
    int tried = 0;
    for (CliResource d : ResourceRegistry.installed().all()) {
      if (!d.canList()) {
        continue;
      }
      tried++;
      List<String> args = new ArrayList<>(List.of("query", d.area(), d.name(), "--limit", "2",
          "--format", "jsonl"));
      Cli r = run(args.toArray(new String[0]));
      java.util.regex.Matcher required;
      // A list whose filters the API requires refuses to run without them; with them, it answers.
      while (r.exitCode != 0 && (required = java.util.regex.Pattern
          .compile("(\\w+) is required by this list").matcher(r.err)).find() && args.size() < 20) {
        String name = required.group(1);
        String value = name.matches("(?i).*(utc|date|before|after)") ? "2020-01-01" : "1";
        args.addAll(List.of("-f", name + "=" + value)); // the typed filter, as a user would
        r = run(args.toArray(new String[0]));
      }
      if (r.exitCode != 0) {
        failures.add(d.label() + " -> " + r.err.trim());
      }
    }
    assertThat(tried).isGreaterThan(20);
    assertThat(failures).isEmpty();
  }

  @Test
  void verboseOutput_neverContainsTheSecretOrAppKey() {
    List<Cli> runs = List.of(
        run("--verbose", "query", "crm", "customers", "--limit", "2"),
        run("--verbose", "get", "crm", "customers", "1"),
        run("--verbose", "query", "accounting", "invoices", "--limit", "2", "--format", "csv"));

    for (Cli r : runs) {
      assertThat(r.out + r.err).doesNotContain(env.get("ST_CLIENT_SECRET"))
          .doesNotContain(env.get("ST_APP_KEY"));
    }
  }
}
