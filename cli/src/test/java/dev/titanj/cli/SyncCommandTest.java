package dev.titanj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.cli.internal.FakeServerSandbox;
import dev.titanj.cli.internal.StopSignal;
import dev.titanj.core.ResourceCatalog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code titanj sync} against the embedded fake ServiceTitan (the real modules, over loopback). */
class SyncCommandTest {
  @TempDir
  Path dir;

  private String db() {
    return "jdbc:h2:file:" + dir.resolve("replica").toAbsolutePath();
  }

  private static Cli sync(StopSignal stop, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "sync";
    System.arraycopy(args, 0, all, 1, args.length);
    return Cli.run(new CliContext(Map.of(), null, ResourceCatalog.installed(),
        FakeServerSandbox.factory(), stop, false, false), all);
  }

  private long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(db()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void sync_inTheSandbox_copiesEachResource_withProgress_andASecondRunChangesNothing()
      throws SQLException {
    Cli first = sync(new StopSignal(), "--db", db(), "--resources",
        "crm.customers,settings.user-roles", "--sandbox", "--progress", "plain");

    assertThat(first.exitCode).as(first.toString()).isEqualTo(ExitCodes.OK);
    assertThat(first.out).contains("crm.customers: 100 inserted, 0 updated, 0 deleted")
        .contains("export feed").contains("settings.user-roles: ").contains("caught up")
        .contains("titanj_crm_customers now holds 100 records");
    assertThat(first.err).contains("SANDBOX").contains("crm.customers: 100 records, 1 batch")
        .contains("sync run ");
    assertThat(count("SELECT COUNT(*) FROM titanj_crm_customers")).isEqualTo(100);

    Cli second = sync(new StopSignal(), "--db", db(), "--resources",
        "crm.customers,settings.user-roles", "--sandbox", "--progress", "none");
    assertThat(second.exitCode).as(second.toString()).isEqualTo(ExitCodes.OK);
    assertThat(second.out).contains("crm.customers: 0 inserted, 0 updated, 0 deleted, 0 unchanged (export feed")
        .contains("settings.user-roles: 0 inserted, 0 updated, 0 deleted, 6 unchanged (full list");
    assertThat(second.err).contains("nothing changed");
  }

  @Test
  void sync_interrupted_continuesFromTheLastCommittedBatch_whenRunAgain() throws SQLException {
    StopSignal ctrlC = new StopSignal();
    ctrlC.requestStop(); // as if Ctrl-C came during the first batch

    Cli first = sync(ctrlC, "--customers", "1200", "--db", db(), "--resources", "crm.customers",
        "--progress", "plain");

    assertThat(first.exitCode).as(first.toString()).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(first.err).contains("run the same command to continue");
    assertThat(count("SELECT COUNT(*) FROM titanj_crm_customers")).isEqualTo(500);

    Cli second = sync(new StopSignal(), "--customers", "1200", "--db", db(), "--resources",
        "crm.customers", "--progress", "plain");
    assertThat(second.exitCode).as(second.toString()).isEqualTo(ExitCodes.OK);
    assertThat(second.out).contains("crm.customers: 700 inserted, 0 updated, 0 deleted, 0 unchanged");
    assertThat(count("SELECT COUNT(*) FROM titanj_crm_customers")).isEqualTo(1200);
    assertThat(count("SELECT COUNT(DISTINCT record_id) FROM titanj_journal")).isEqualTo(1200);
  }

  @Test
  void sync_withAnUnknownResourceOrABadUrl_isAUsageError() {
    Cli unknown = sync(new StopSignal(), "--db", db(), "--resources", "crm.custmers", "--sandbox");
    assertThat(unknown.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err).contains("customers");

    Cli badUrl = sync(new StopSignal(), "--db", "postgres://x/y", "--resources", "crm.customers");
    assertThat(badUrl.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(badUrl.err).contains("--db must be a JDBC URL");
  }
}
