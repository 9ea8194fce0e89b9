package dev.titanj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.titanj.cli.internal.FakeServerSandbox;
import dev.titanj.cli.internal.ResourceRegistry;
import dev.titanj.cli.internal.Sandbox;
import dev.titanj.cli.internal.StopSignal;
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
    assumeTrue(ResourceRegistry.modules().missingAreas().isEmpty(), "the four modules are on the class path");
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
    return Cli.run(new CliContext(env, null, ResourceRegistry.MODULES, FakeServerSandbox.factory(),
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
}
