package dev.titanj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.cli.internal.FakeServerSandbox;
import dev.titanj.cli.internal.Sandbox;
import dev.titanj.cli.internal.StopSignal;
import dev.titanj.core.ResourceCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user trying {@code titanj} meets first (issue 15): error paths, --columns, --all,
 * suggestions, plurals, help. The real modules against the embedded fake ServiceTitan.
 */
class NewUserExperienceTest {
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

  static Cli run(String... args) {
    return Cli.run(new CliContext(env, null, ResourceCatalog.installed(), FakeServerSandbox.factory(),
        new StopSignal(), false, false), args);
  }

  @Test
  void export_withABadCursor_printsOnlyTheError() {
    Path state = dir.resolve("customers.state");
    Cli r = run("export", "crm", "customers", "--from", "notatoken",
        "--out", dir.resolve("customers.jsonl").toString(), "--state", state.toString());

    assertThat(r.exitCode).as(r.toString()).isNotZero();
    assertThat(r.err).as(r.toString()).contains("export crm customers failed")
        .doesNotContain("exported", "state saved", "resume token");
    assertThat(r.err.lines()).as(r.toString()).hasSize(1);
    assertThat(state).doesNotExist();
  }

  @Test
  void export_withABadCursorToStdout_printsNoSummaryAndNoRecords() {
    Cli r = run("export", "crm", "customers", "--from", "notatoken");

    assertThat(r.exitCode).as(r.toString()).isNotZero();
    assertThat(r.out).isEmpty();
    assertThat(r.err.lines()).as(r.toString()).hasSize(1).first().asString().startsWith("titanj: export");
  }

  @Test
  void export_summary_pluralizesOneBatch() throws Exception {
    Path out = dir.resolve("c.jsonl");
    Cli r = run("export", "crm", "customers", "--out", out.toString(), "--progress", "none");

    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.err).as(r.toString()).containsPattern("exported 100 records in 1 batch ")
        .doesNotContain("1 batches");
    assertThat(Files.readAllLines(out)).hasSize(100);
  }

  static long requests() {
    return sandbox.requestCount().orElseThrow();
  }

  @Test
  void query_withAnUnknownColumn_isAUsageErrorNamingItBeforeAnyRequest() {
    long before = requests();
    Cli r = run("query", "crm", "customers", "--columns", "id,nosuch");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("unknown column 'nosuch'").doesNotContain("'id'");
    assertThat(r.out).isEmpty();
    assertThat(requests()).isEqualTo(before);
  }

  @Test
  void query_withAMisspelledColumn_suggestsTheClosestField() {
    Cli r = run("query", "crm", "customers", "--columns", "nmae,addres.city");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("unknown column 'nmae' (did you mean name?)",
        "unknown column 'addres.city' (did you mean address?)");
  }

  @Test
  void query_withAnUnknownNestedColumn_suggestsTheNestedFields() {
    Cli r = run("query", "crm", "customers", "--columns", "address.cty");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("unknown column 'address.cty' (did you mean address.city?)");
  }

  @Test
  void query_withANestedColumn_printsTheNestedValueInTableAndCsv() {
    Cli table = run("query", "crm", "customers", "--limit", "3", "--columns", "id,address.city");
    Cli csv = run("query", "crm", "customers", "--limit", "3", "--format", "csv",
        "--columns", "id,address.city");

    assertThat(table.exitCode).as(table.toString()).isZero();
    assertThat(table.out.lines().findFirst()).hasValueSatisfying(h -> assertThat(h).matches("id +address\\.city"));
    assertThat(table.out.lines().skip(2)).hasSize(3).allMatch(l -> l.matches("\\d+ +\\S.*"));
    assertThat(csv.out.lines()).hasSize(4).first().isEqualTo("id,address.city");
    assertThat(csv.out.lines().skip(1)).allMatch(l -> l.matches("\\d+,[^,{]+"));
  }

  @Test
  void query_withAMisspelledResource_suggestsTheClosestResource() {
    Cli r = run("query", "crm", "customer");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("unknown resource 'customer' in crm; did you mean crm customers?");
  }

  @Test
  void get_withAMisspelledResource_suggestsTheClosestResource() {
    Cli r = run("get", "accounting", "invoice", "1");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("did you mean accounting invoices?");
  }

  @Test
  void export_withAMisspelledArea_suggestsTheClosestArea() {
    Cli r = run("export", "crn", "customers");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("unknown area 'crn'; did you mean crm?");
  }

  /** No credentials at all: the CLI starts its own fake, as on a fresh machine. */
  static Cli runInOwnSandbox(String... args) {
    return Cli.run(new CliContext(Map.of(), null, ResourceCatalog.installed(),
        FakeServerSandbox.factory(), new StopSignal(), false, false), args);
  }

  @Test
  void queryAll_usesTheEndpointsLargestPageSize_andShowsProgressWithTheTotal() {
    Cli r = runInOwnSandbox("query", "crm", "customers", "--all", "--customers", "1200",
        "--format", "jsonl", "--progress", "plain", "--filter", "active=Any");

    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.out.lines()).hasSize(1200);
    // 1,200 records at the largest page size (5,000) are one page, not 24 pages of 50.
    assertThat(r.err).as(r.toString()).contains("crm customers: 1,200/1,200 records (100%), 1 page, ")
        .contains("records/s");
  }

  @Test
  void queryAll_withAPageSize_keepsThatPageSizeAndCountsItsPages() {
    Cli r = runInOwnSandbox("query", "crm", "customers", "--all", "--customers", "250",
        "--page-size", "100", "--format", "csv", "--columns", "id", "--progress", "plain",
        "--filter", "active=Any");

    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.out.lines()).hasSize(251);
    assertThat(r.err).as(r.toString()).contains("250/250 records (100%), 3 pages");
  }

  @Test
  void queryAll_progressBar_showsPercentAndTotalNeverAQuestionMark() {
    Cli r = runInOwnSandbox("query", "crm", "customers", "--all", "--format", "jsonl",
        "--progress", "bar", "--filter", "active=Any");

    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.err).as(r.toString()).contains("crm customers [====================] 100/100 records (100%)")
        .doesNotContain("?");
  }

  @Test
  void query_withALimit_showsNoProgressUnlessAsked() {
    Cli r = run("query", "crm", "customers", "--limit", "3");

    assertThat(r.err).doesNotContain("records/s");
  }

  @Test
  void sandboxOptions_onARealTenant_areAUsageError() {
    Cli r = Cli.run(new CliContext(Map.of("ST_CLIENT_ID", "id", "ST_CLIENT_SECRET", "secret",
        "ST_APP_KEY", "key", "ST_TENANT_ID", "1"), null, ResourceCatalog.installed(),
        FakeServerSandbox.factory(), new StopSignal(), false, false),
        "query", "crm", "customers", "--customers", "10");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("--customers and --latency-ms apply to the sandbox only");
  }

  @Test
  void demo_withCustomersAndLatency_runsAgainstTheLargerSlowerSandbox() {
    Cli r = runInOwnSandbox("demo", "--customers", "1500", "--latency-ms", "1");

    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.out).contains("1500 customers in");
  }

  @Test
  void sandbox_onABusyPort_saysThePortIsInUse() throws Exception {
    try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getLoopbackAddress())) {
      Cli r = runInOwnSandbox("sandbox", "--port", Integer.toString(busy.getLocalPort()));

      assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
      assertThat(r.err).contains("the port is in use", "try another --port")
          .doesNotContain("permissions");
    }
  }

  @Test
  void help_ofEveryCommand_isOneWrappedParagraphPerDescriptionWithinTheWidth() {
    picocli.CommandLine cl = Titanj.commandLine(Cli.fixtures());
    int width = cl.getUsageHelpWidth();
    java.util.List<picocli.CommandLine> commands = new java.util.ArrayList<>();
    commands.add(cl);
    commands.addAll(cl.getSubcommands().values());
    commands.removeIf(c -> c.getCommand() instanceof picocli.CommandLine.HelpCommand); // picocli's own
    for (picocli.CommandLine c : commands) {
      String[] description = c.getCommandSpec().usageMessage().description();
      assertThat(description.length).as(c.getCommandName() + " description").isLessThanOrEqualTo(1);
      String help = c.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF);
      assertThat(help.lines()).as(c.getCommandName() + " help").allMatch(l -> l.length() <= width);
    }
    assertThat(cl.getSubcommands().get("export").getUsageMessage(picocli.CommandLine.Help.Ansi.OFF))
        .doesNotContain("again to\ncontinue").doesNotContain("~/.\n");
  }
}
