package dev.titanj.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.crm.Crm;
import dev.titanj.crm.model.Customer;
import dev.titanj.crm.model.UpdateCustomerRequest;
import dev.titanj.replica.support.EmbeddedPg;
import dev.titanj.replica.support.Source;
import dev.titanj.testing.FakeServiceTitan;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM syncs 100,000 customers from a loopback fake ServiceTitan (running in this JVM);
 * this test kills it with SIGKILL (kill -9) in the middle of the sync, changes the source, and
 * syncs again. The replica must then equal the source exactly and the journal must say, for every
 * id, what happened to it, once.
 */
class KillNineDuringSyncTest {
  private static final int CUSTOMERS = 100_000;
  private static final int BATCH = 5_000;
  /** The child is killed after this many committed batches (of 20), while it works on the next. */
  private static final int KILL_AFTER_BATCHES = 8;

  @TempDir
  Path dir;

  @Test
  void killNine_insideABatchTransaction_onH2_thenSyncAgain_replicaEqualsSourceAndJournalSaysWhatChanged()
      throws Exception {
    killAndResume("jdbc:h2:file:" + dir.resolve("replica").toAbsolutePath(), true);
  }

  @Test
  void killNine_insideABatchTransaction_onPostgres_thenSyncAgain_replicaEqualsSourceAndJournalSaysWhatChanged()
      throws Exception {
    killAndResume(EmbeddedPg.freshDatabase(), true);
  }

  @Test
  void killNine_atAnUnpreparedMoment_onH2_thenSyncAgain_replicaEqualsSourceAndJournalSaysWhatChanged()
      throws Exception {
    killAndResume("jdbc:h2:file:" + dir.resolve("replica").toAbsolutePath(), false);
  }

  /**
   * @param insideTransaction kill while the next batch's transaction is open with all its
   *     statements executed (the child waits before commit); else 40 ms after the last reported
   *     commit, wherever the child then is (fetching, decoding or writing)
   */
  private void killAndResume(String db, boolean insideTransaction) throws Exception {
    long tf = System.nanoTime();
    try (FakeServiceTitan fake = FakeServiceTitan.start(FakeServiceTitan.Options.defaults()
        .customers(CUSTOMERS).invoices(0).payments(0).exportBatchSize(BATCH)
        .requestLogLimit(100))) {
      long fakeStartMs = (System.nanoTime() - tf) / 1_000_000;
      long t0 = System.nanoTime();
      // 1. A child JVM syncs and is killed with SIGKILL after batch KILL_AFTER_BATCHES commits.
      Process child = startChild(fake, db, insideTransaction
          ? "pause-before-commit:" + (KILL_AFTER_BATCHES + 1) : "no-pause");
      long reportedRecords = 0;
      int reportedBatches = 0;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          assertThat(line).doesNotStartWith("DONE");
          if (line.startsWith("COMMITTED ")) {
            String[] p = line.split(" ");
            reportedBatches = Integer.parseInt(p[1]);
            reportedRecords = Long.parseLong(p[2]);
            if (!insideTransaction && reportedBatches >= KILL_AFTER_BATCHES) {
              // Let it get into the next batch (request, decode or transaction), then kill -9.
              Thread.sleep(40);
              killNine(child);
              break;
            }
          } else if (line.startsWith("IN-TRANSACTION ")) {
            killNine(child); // batch KILL_AFTER_BATCHES + 1 is written but not committed
            break;
          }
        }
      }
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isEqualTo(137); // 128 + SIGKILL
      assertThat(reportedBatches).as("child output").isEqualTo(KILL_AFTER_BATCHES);

      long killedAtMs = (System.nanoTime() - t0) / 1_000_000;
      // 2. What the killed run committed is all there, consistent, and short of the whole.
      Set<Long> syncedBeforeKill = ids(db, "SELECT id FROM titanj_crm_customers");
      assertThat((long) syncedBeforeKill.size()).isGreaterThanOrEqualTo(reportedRecords)
          .isLessThan(CUSTOMERS).isEqualTo(count(db, "SELECT COUNT(*) FROM titanj_journal"))
          .isEqualTo(count(db, "SELECT COUNT(*) FROM titanj_journal WHERE change_kind = 'INSERTED'"));
      assertThat(syncedBeforeKill.size() % BATCH).as("whole batches only").isZero();
      if (insideTransaction) {
        assertThat(syncedBeforeKill).as("the open transaction left nothing")
            .hasSize(KILL_AFTER_BATCHES * BATCH);
      }
      assertThat(count(db, "SELECT COUNT(*) FROM titanj_sync_run WHERE status = 'RUNNING'"))
          .isEqualTo(1);
      long run1 = count(db, "SELECT run_id FROM titanj_sync_run WHERE status = 'RUNNING'");

      // 3. The source changes while nobody syncs: renames and deactivations, on both sides of
      //    the point where the child stopped.
      List<Long> activeIds = fake.records("crm/customers").stream()
          .filter(r -> !Boolean.FALSE.equals(r.get("active")))
          .map(r -> ((Number) r.get("id")).longValue()).collect(Collectors.toList());
      Set<Long> renamed = new HashSet<>();
      Set<Long> deactivated = new HashSet<>();
      int step = activeIds.size() / 40;
      for (int k = 0; k < 40; k++) {
        (k % 2 == 0 ? renamed : deactivated).add(activeIds.get(k * step + k % 7));
      }
      var customers = Crm.of(fake.client()).customers();
      renamed.forEach(id -> customers.update(id, UpdateCustomerRequest.builder()
          .name("Renamed " + id).build()));
      deactivated.forEach(id -> customers.update(id, UpdateCustomerRequest.builder()
          .active(false).build()));

      // 4. Sync again, here: it resumes from the child's last committed checkpoint.
      try (Replica replica = Replica.builder(fake.client()).jdbcUrl(db).resources(Crm.CUSTOMERS)
          .build()) {
        SyncReport report = replica.sync();

        // The replica equals the source: every id once, at its latest version, deactivations
        // applied as active=false tombstones.
        List<Customer> local;
        try (Stream<Customer> s = replica.stream(Crm.CUSTOMERS)) {
          local = s.collect(Collectors.toList());
        }
        assertThat(local).hasSize(CUSTOMERS);
        Map<Long, String> source = Source.customers(fake);
        assertThat(Source.json(local).equals(source)).as("replica equals source").isTrue();
        assertThat(deactivated).allSatisfy(id -> assertThat(
            replica.find(Crm.CUSTOMERS, id).flatMap(Customer::active)).contains(false));
        assertThat(renamed).allSatisfy(id -> assertThat(
            replica.find(Crm.CUSTOMERS, id).flatMap(Customer::name)).contains("Renamed " + id));

        // The journal: every id inserted exactly once over both runs; a change to a record the
        // first run had stored is an UPDATED or DELETED of the second run; nothing else.
        long run2 = report.runId().getAsLong();
        Map<String, List<Change>> byId = new HashMap<>();
        long after = 0;
        for (List<Change> page = replica.changes(after, 50_000); !page.isEmpty();
            page = replica.changes(after, 50_000)) {
          page.forEach(c -> byId.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(c));
          after = page.get(page.size() - 1).seq();
        }
        assertThat(byId).hasSize(CUSTOMERS);
        Set<Long> renamedBefore = intersection(renamed, syncedBeforeKill);
        Set<Long> deactivatedBefore = intersection(deactivated, syncedBeforeKill);
        assertThat(renamedBefore).isNotEmpty().isNotEqualTo(renamed); // both sides of the kill
        assertThat(deactivatedBefore).isNotEmpty().isNotEqualTo(deactivated);
        for (Map.Entry<String, List<Change>> e : byId.entrySet()) {
          long id = Long.parseLong(e.getKey());
          List<ChangeKind> kinds = e.getValue().stream().map(Change::kind).toList();
          if (renamedBefore.contains(id)) {
            assertThat(kinds).as("journal of %s", id).containsExactly(ChangeKind.INSERTED, ChangeKind.UPDATED);
            assertThat(e.getValue().get(1).runId()).isEqualTo(run2);
          } else if (deactivatedBefore.contains(id)) {
            assertThat(kinds).as("journal of %s", id).containsExactly(ChangeKind.INSERTED, ChangeKind.DELETED);
            assertThat(e.getValue().get(1).runId()).isEqualTo(run2);
          } else {
            assertThat(kinds).as("journal of %s", id).containsExactly(ChangeKind.INSERTED);
            assertThat(e.getValue().get(0).runId())
                .isEqualTo(syncedBeforeKill.contains(id) ? run1 : run2);
          }
        }
        assertThat(report.inserted()).isEqualTo(CUSTOMERS - syncedBeforeKill.size());
        assertThat(report.updated()).isEqualTo(renamedBefore.size());
        assertThat(report.deleted()).isEqualTo(deactivatedBefore.size());
        assertThat(report.resource("crm.customers").orElseThrow().unchanged()).isZero();

        // And once more: nothing left to do.
        assertThat(replica.sync().changed()).isZero();
        System.out.printf("kill -9 test (%s) on %s: fake with %,d customers up in %d ms; child killed"
            + " %d ms after start with %,d records committed (%,d reported); resumed sync: %s%n",
            insideTransaction ? "inside a transaction" : "40 ms after a commit",
            db.startsWith("jdbc:h2:") ? "H2" : "PostgreSQL", CUSTOMERS, fakeStartMs, killedAtMs,
            syncedBeforeKill.size(), reportedRecords, report);
      }
    }
  }

  private static Process startChild(FakeServiceTitan fake, String db, String mode)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", classPath,
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", SyncChild.class.getName(), db, mode);
    pb.environment().putAll(fake.environmentVariables());
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    return pb.start();
  }

  /** SIGKILL, exactly as {@code kill -9 <pid>} from a shell. */
  private static void killNine(Process child) throws Exception {
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      child.destroyForcibly(); // also SIGKILL on Linux
    }
  }

  private static Set<Long> ids(String db, String sql) throws SQLException {
    Set<Long> out = new HashSet<>();
    try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  private static long count(String db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Set<Long> intersection(Set<Long> a, Set<Long> b) {
    Set<Long> out = new HashSet<>(a);
    out.retainAll(b);
    return out;
  }
}
