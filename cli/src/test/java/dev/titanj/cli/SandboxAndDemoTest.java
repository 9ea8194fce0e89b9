package dev.titanj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.cli.internal.StopSignal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxAndDemoTest {

  @Test
  void sandbox_printsExportLinesForEveryVariableAndStopsOnSignal() {
    StopSignal stopped = new StopSignal();
    stopped.requestStop();

    Cli r = Cli.run(Cli.fixtures(Map.of(), null, stopped), "sandbox", "--port", "0");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(0);
    assertThat(r.out.lines()).contains("export ST_API_BASE_URL=http://127.0.0.1:9",
        "export ST_TENANT_ID=42").hasSize(6).allMatch(l -> l.startsWith("export ST_"));
    assertThat(r.err).contains("SANDBOX").contains("Ctrl-C").contains("sandbox stopped");
  }

  @Test
  void sandbox_badPort_isAUsageError() {
    Cli r = Cli.run(Cli.fixtures(), "sandbox", "--port", "70000");

    assertThat(r.exitCode).isEqualTo(2);
  }

  @Test
  void demo_walksThroughEveryStepAndPrintsTheSummary() {
    Cli r = Cli.run(Cli.fixtures(), "demo");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(0);
    assertThat(r.out).contains("SANDBOX mode", "[1] Authenticate",
        "[2] Active customers modified since 2024-06-01", "sort=-ModifiedOn",
        "[3] Find customer", "[4] Page through invoices", "page 1: 25 invoices, hasMore=true",
        "[5] Export feed of customers", "120 customers in 5 batches; resume token: t120",
        "resumed from the token: 0 new records",
        "[6] Local replica", "first sync : 120 customers inserted through the export feed in 5 batches",
        "second sync: 0 records changed", "replica.count(crm.customers) = 120",
        "Summary", "HTTP requests sent",
        "requests the fake server answered: 7", "cache: hits=");
  }

  @Test
  void help_documentsExitCodesAndCredentials() {
    Cli r = Cli.run(Cli.fixtures(), "--help");

    assertThat(r.exitCode).isEqualTo(0);
    assertThat(r.out).contains("Exit codes:", "ST_CLIENT_ID", "config.properties", "demo", "query",
        "export", "sandbox");
  }

  @Test
  void resources_listsDiscoveredResourcesAndOneResourcesFilters() {
    Cli all = Cli.run(Cli.fixtures(), "resources");
    Cli one = Cli.run(Cli.fixtures(), "resources", "crm", "customers");

    assertThat(all.out.lines()).containsExactly(
        String.format("%-11s %-40s %s", "accounting", "invoices", "query get export"),
        String.format("%-11s %-40s %s", "accounting", "tags", "-"),
        String.format("%-11s %-40s %s", "crm", "customers", "query get export"));
    assertThat(all.err).isEmpty();
    assertThat(one.out).contains("crm customers (crm.customers): query get export",
        "modifiedOnOrAfter=<date-time>", "active=<True|Any|False>",
        "ids=<list of number>", "sort: +|-Id, +|-Name, +|-ModifiedOn",
        "API operations (4):", "GET    crm/v2/tenant/{tenant}/customers/{id}/notes  Customers_GetNotes");
  }

  @Test
  void everyCommand_hasItsOwnHelp() {
    for (String command : new String[] {"demo", "query", "get", "export", "sync", "sandbox",
        "resources"}) {
      Cli r = Cli.run(Cli.fixtures(), command, "--help");

      assertThat(r.exitCode).as(command).isEqualTo(0);
      assertThat(r.out).as(command).contains("Usage: titanj " + command);
    }
  }

  @Test
  void noCommand_printsTheUsageAndExitsWith2() {
    Cli r = Cli.run(Cli.fixtures());

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).contains("Usage: titanj");
  }

  @Test
  void systemContext_version_runsThroughTheSameEntryPointAsMain() {
    Cli r = Cli.run(CliContext.system(), "--version");

    assertThat(r.exitCode).isEqualTo(0);
    assertThat(r.out).startsWith("titanj ");
  }

  @Test
  void unknownOption_isAUsageErrorWithExitCode2() {
    Cli r = Cli.run(Cli.fixtures(), "query", "crm", "customers", "--colour");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).contains("Unknown option: '--colour'").contains("titanj query --help");
  }
}
