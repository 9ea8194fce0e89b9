package dev.titanj.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.Active;
import dev.titanj.core.ResourceCatalog;
import dev.titanj.crm.Crm;
import dev.titanj.crm.CrmModule;
import dev.titanj.crm.model.Customer;
import dev.titanj.crm.model.UpdateCustomerRequest;
import dev.titanj.replica.support.GadgetModule;
import dev.titanj.replica.support.Source;
import dev.titanj.testing.FakeServiceTitan;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The replica's behaviour, run once per database: {@code H2ReplicaTest} and
 * {@code PostgresReplicaTest} give each test a fresh, empty database.
 */
abstract class ReplicaContract {
  static final String EXPORT_PATH = "/crm/v2/tenant/" + FakeServiceTitan.DEFAULT_TENANT_ID
      + "/export/customers";

  private final List<AutoCloseable> closeLater = new ArrayList<>();

  /** The JDBC URL of a new, empty database. */
  abstract String newDatabase();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closeLater.size() - 1; i >= 0; i--) {
      closeLater.get(i).close();
    }
  }

  <C extends AutoCloseable> C closing(C c) {
    closeLater.add(c);
    return c;
  }

  FakeServiceTitan fake(int customers, int batch) {
    return closing(FakeServiceTitan.start(FakeServiceTitan.Options.defaults()
        .customers(customers).invoices(0).payments(0).exportBatchSize(batch)));
  }

  Replica customersReplica(FakeServiceTitan fake, String db) {
    return closing(Replica.builder(fake.client()).jdbcUrl(db).resources(Crm.CUSTOMERS).build());
  }

  static long queryLong(String db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static List<Customer> all(Replica replica) {
    try (Stream<Customer> s = replica.stream(Crm.CUSTOMERS)) {
      return s.collect(Collectors.toList());
    }
  }

  static List<Change> journal(Replica replica) {
    List<Change> out = new ArrayList<>();
    long after = 0;
    for (int guard = 0; guard < 10_000; guard++) {
      List<Change> page = replica.changes(after, 1000);
      if (page.isEmpty()) {
        return out;
      }
      out.addAll(page);
      after = page.get(page.size() - 1).seq();
    }
    throw new AssertionError("journal did not end");
  }

  @Test
  void sync_fromTheBeginning_storesEveryRecordOnceAtItsLatestVersion() {
    FakeServiceTitan fake = fake(1_200, 250);
    Replica replica = customersReplica(fake, newDatabase());

    SyncReport report = replica.sync();

    Map<Long, String> source = Source.customers(fake);
    assertThat(report.inserted()).isEqualTo(1_200);
    assertThat(report.caughtUp()).isTrue();
    assertThat(report.resource("crm.customers").orElseThrow().mode()).isEqualTo(SyncMode.EXPORT);
    assertThat(replica.count(Crm.CUSTOMERS)).isEqualTo(1_200);
    assertThat(Source.json(all(replica))).isEqualTo(source);
    assertThat(replica.query(Crm.CUSTOMERS).active(Active.FALSE).count())
        .isEqualTo(Source.inactiveCustomers(fake)).isPositive();
    assertThat(replica.checkpoint(Crm.CUSTOMERS)).isPresent();
    assertThat(journal(replica)).hasSize(1_200)
        .allSatisfy(c -> assertThat(c.kind()).isEqualTo(ChangeKind.INSERTED))
        .extracting(Change::runId).containsOnly(report.runId().getAsLong());
  }

  @Test
  void secondSync_withNoChanges_makesOneExportRequestAndWritesNothing() throws SQLException {
    FakeServiceTitan fake = fake(300, 100);
    String db = newDatabase();
    Replica replica = customersReplica(fake, db);
    replica.sync();
    long requestsBefore = fake.requestCount(EXPORT_PATH);
    long versionBefore = queryLong(db, "SELECT version FROM titanj_checkpoint");
    long runsBefore = queryLong(db, "SELECT COUNT(*) FROM titanj_sync_run");

    SyncReport again = replica.sync();

    assertThat(fake.requestCount(EXPORT_PATH) - requestsBefore).isEqualTo(1);
    assertThat(again.changed()).isZero();
    assertThat(again.runId()).isEmpty();
    assertThat(queryLong(db, "SELECT version FROM titanj_checkpoint")).isEqualTo(versionBefore);
    assertThat(queryLong(db, "SELECT COUNT(*) FROM titanj_sync_run")).isEqualTo(runsBefore);
    assertThat(queryLong(db, "SELECT COUNT(*) FROM titanj_journal")).isEqualTo(300);
  }

  @Test
  void changedAndDeactivatedRecords_onTheSource_appearAfterTheNextSync() {
    FakeServiceTitan fake = fake(200, 50);
    Replica replica = customersReplica(fake, newDatabase());
    replica.sync();
    List<Long> active = fake.records("crm/customers").stream()
        .filter(r -> !Boolean.FALSE.equals(r.get("active")))
        .map(r -> ((Number) r.get("id")).longValue()).limit(2).toList();
    long renamed = active.get(0);
    long deactivated = active.get(1);
    Crm.of(fake.client()).customers().update(renamed,
        UpdateCustomerRequest.builder().name("Renamed Customer").build());
    Crm.of(fake.client()).customers().update(deactivated,
        UpdateCustomerRequest.builder().active(false).build());

    SyncReport report = replica.sync();

    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.deleted()).isEqualTo(1);
    assertThat(report.inserted()).isZero();
    assertThat(replica.find(Crm.CUSTOMERS, renamed).flatMap(Customer::name))
        .contains("Renamed Customer");
    assertThat(replica.find(Crm.CUSTOMERS, deactivated).flatMap(Customer::active)).contains(false);
    assertThat(replica.query(Crm.CUSTOMERS).active(Active.TRUE).ids(List.of(deactivated)).count())
        .isZero();
    assertThat(Source.json(all(replica))).isEqualTo(Source.customers(fake));
    long run = report.runId().getAsLong();
    assertThat(journal(replica).stream().filter(c -> c.runId() == run))
        .extracting(Change::id, Change::kind)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Long.toString(renamed), ChangeKind.UPDATED),
            org.assertj.core.groups.Tuple.tuple(Long.toString(deactivated), ChangeKind.DELETED));
  }

  @Test
  void resourceWithoutExport_isSyncedByFullList_andVanishedRecordsAreDeleted() {
    FakeServiceTitan fake = fake(10, 50);
    GadgetModule gadgets = new GadgetModule();
    for (long id = 1; id <= 30; id++) {
      gadgets.put(id, "gadget " + id, id % 10 != 0);
    }
    Replica replica = closing(Replica.builder(fake.client()).jdbcUrl(newDatabase())
        .catalog(ResourceCatalog.of(List.of(new CrmModule(), gadgets)))
        .resources(GadgetModule.GADGETS).batchSize(7).build());
    assertThat(replica.mode(GadgetModule.GADGETS)).isEqualTo(SyncMode.FULL_SCAN);

    SyncReport first = replica.sync();
    assertThat(first.inserted()).isEqualTo(30); // inactive ones too: the list is read with active=Any
    gadgets.remove(5);
    gadgets.put(6, "gadget six", true);
    gadgets.put(31, "gadget 31", true);
    SyncReport second = replica.sync();

    assertThat(second.resource("lab.gadgets").orElseThrow())
        .extracting(ResourceSyncReport::inserted, ResourceSyncReport::updated,
            ResourceSyncReport::deleted, ResourceSyncReport::unchanged)
        .containsExactly(1L, 1L, 1L, 28L);
    assertThat(replica.find(GadgetModule.GADGETS, 5L)).isEmpty();
    assertThat(replica.query(GadgetModule.GADGETS).includeDeleted(true).ids(List.of(5L)).count())
        .isEqualTo(1);
    assertThat(replica.count(GadgetModule.GADGETS)).isEqualTo(30);
    assertThat(replica.find(GadgetModule.GADGETS, 6L).flatMap(g -> g.name())).contains("gadget six");
    long run = second.runId().getAsLong();
    assertThat(journal(replica).stream().filter(c -> c.runId() == run))
        .extracting(Change::id, Change::kind)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("31", ChangeKind.INSERTED),
            org.assertj.core.groups.Tuple.tuple("6", ChangeKind.UPDATED),
            org.assertj.core.groups.Tuple.tuple("5", ChangeKind.DELETED));

    gadgets.put(5, "gadget 5 is back", true);
    SyncReport third = replica.sync();
    assertThat(third.inserted()).isEqualTo(1);
    assertThat(replica.find(GadgetModule.GADGETS, 5L)).isPresent();
  }

  @Test
  void oneDatabase_severalTenants_stayFullySeparated() throws SQLException {
    String db = newDatabase();
    FakeServiceTitan a = closing(FakeServiceTitan.start(FakeServiceTitan.Options.defaults()
        .tenant(111).seed(1).customers(300).exportBatchSize(100)));
    FakeServiceTitan b = closing(FakeServiceTitan.start(FakeServiceTitan.Options.defaults()
        .tenant(222).seed(2).customers(200).exportBatchSize(100)));
    Replica ra = closing(Replica.builder(a.client()).jdbcUrl(db).resources(Crm.CUSTOMERS).build());
    Replica rb = closing(Replica.builder(b.client()).jdbcUrl(db).resources(Crm.CUSTOMERS).build());

    ra.sync();
    rb.sync();

    assertThat(ra.tenant()).isEqualTo(111);
    assertThat(ra.count(Crm.CUSTOMERS)).isEqualTo(300);
    assertThat(rb.count(Crm.CUSTOMERS)).isEqualTo(200);
    assertThat(Source.json(all(ra))).isEqualTo(Source.customers(a));
    assertThat(Source.json(all(rb))).isEqualTo(Source.customers(b));
    // The same id exists in both tenants, with each tenant's own record.
    long shared = Source.customers(b).keySet().iterator().next();
    assertThat(ra.find(Crm.CUSTOMERS, shared)).isPresent();
    assertThat(ra.find(Crm.CUSTOMERS, shared)).isNotEqualTo(rb.find(Crm.CUSTOMERS, shared));
    assertThat(journal(ra)).hasSize(300);
    assertThat(journal(rb)).hasSize(200);
    assertThat(ra.checkpoint(Crm.CUSTOMERS)).isNotEqualTo(Optional.empty());
    assertThat(queryLong(db, "SELECT COUNT(*) FROM titanj_checkpoint")).isEqualTo(2);
    assertThat(queryLong(db, "SELECT COUNT(*) FROM titanj_crm_customers")).isEqualTo(500);

    // A change in tenant A reaches A only.
    Crm.of(a.client()).customers().update(shared,
        UpdateCustomerRequest.builder().name("Only in A").build());
    assertThat(rb.sync().changed()).isZero();
    assertThat(ra.sync().updated()).isEqualTo(1);
    assertThat(ra.find(Crm.CUSTOMERS, shared).flatMap(Customer::name)).contains("Only in A");
    assertThat(rb.find(Crm.CUSTOMERS, shared).flatMap(Customer::name)).isNotEqualTo(Optional.of("Only in A"));
  }

  @Test
  void query_filtersByActiveModifiedOnIdsAndLimit_inIdOrder() {
    FakeServiceTitan fake = fake(400, 200);
    Replica replica = customersReplica(fake, newDatabase());
    replica.sync();
    List<Customer> source = all(replica);
    Instant median = source.stream().map(c -> c.modifiedOn().orElseThrow()).sorted()
        .toList().get(200);

    long newer = source.stream().filter(c -> !c.modifiedOn().orElseThrow().isBefore(median)).count();
    assertThat(replica.query(Crm.CUSTOMERS).modifiedOnOrAfter(median).count()).isEqualTo(newer);
    assertThat(replica.query(Crm.CUSTOMERS).modifiedBefore(median).count())
        .isEqualTo(400 - newer);
    assertThat(replica.query(Crm.CUSTOMERS).active(Active.TRUE).toList())
        .allSatisfy(c -> assertThat(c.active()).isNotEqualTo(Optional.of(false)));
    List<Long> ids = List.of(source.get(3).id(), source.get(1).id(), 999_999_999L);
    assertThat(replica.query(Crm.CUSTOMERS).ids(ids).toList()).extracting(Customer::id)
        .containsExactly(source.get(1).id(), source.get(3).id());
    assertThat(replica.query(Crm.CUSTOMERS).limit(5).toList()).extracting(Customer::id)
        .containsExactlyElementsOf(source.subList(0, 5).stream().map(Customer::id).toList());
    assertThat(replica.query(Crm.CUSTOMERS).first().map(Customer::id)).contains(source.get(0).id());
    assertThat(replica.find(Crm.CUSTOMERS, 999_999_999L)).isEmpty();
  }

  @Test
  void batchWrite_whenAnotherWriterMovedTheCheckpoint_isRolledBack() throws SQLException {
    FakeServiceTitan fake = fake(300, 100);
    String db = newDatabase();
    Replica replica = closing(Replica.builder(fake.client()).jdbcUrl(db).resources(Crm.CUSTOMERS)
        .listener(p -> {
          if (p.batches() == 1) {
            // Another process writes the same checkpoint after our first batch.
            try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
              s.executeUpdate("UPDATE titanj_checkpoint SET version = version + 100");
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          }
        }).build());

    assertThatThrownBy(replica::sync).isInstanceOf(ReplicaException.class)
        .hasMessageContaining("another process is syncing");
    assertThat(replica.count(Crm.CUSTOMERS)).isEqualTo(100);
    assertThat(queryLong(db, "SELECT COUNT(*) FROM titanj_journal")).isEqualTo(100);
    assertThat(queryLong(db, "SELECT COUNT(*) FROM titanj_sync_run WHERE status = 'FAILED'"))
        .isEqualTo(1);
  }

  @Test
  void maxBatchesPerSync_boundsTheExportRequests_thoughTheNextBatchIsRequestedAhead() {
    FakeServiceTitan fake = fake(500, 100);
    Replica replica = closing(Replica.builder(fake.client()).jdbcUrl(newDatabase())
        .resources(Crm.CUSTOMERS).maxBatchesPerSync(2).build());

    SyncReport first = replica.sync();

    assertThat(fake.requestCount(EXPORT_PATH)).isEqualTo(2);
    assertThat(first.inserted()).isEqualTo(200);
    assertThat(first.caughtUp()).isFalse();
    replica.sync();
    SyncReport third = replica.sync();
    assertThat(third.inserted()).isEqualTo(100);
    assertThat(third.caughtUp()).isTrue();
    assertThat(fake.requestCount(EXPORT_PATH)).isEqualTo(5);
    assertThat(journal(replica)).hasSize(500);
  }

  @Test
  void exportFailing_whileTheNextBatchIsRequestedAhead_keepsTheCommittedBatches_andTheNextSyncCompletesExactly()
      throws SQLException {
    FakeServiceTitan fake = fake(600, 100);
    String db = newDatabase();
    Replica replica = closing(Replica.builder(fake.client()).jdbcUrl(db).resources(Crm.CUSTOMERS)
        .listener(p -> {
          if (p.batches() == 1) {
            fake.faults().malformedJson(10_000); // batch 2 may already be in; batch 3 is not
          }
        }).build());

    assertThatThrownBy(replica::sync).isNotInstanceOf(AssertionError.class);

    fake.faults().clear();
    long kept = replica.count(Crm.CUSTOMERS);
    assertThat(kept).isIn(100L, 200L);
    assertThat(queryLong(db, "SELECT COUNT(*) FROM titanj_journal")).isEqualTo(kept);
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
        t -> t.getName().startsWith("titanj-replica-fetch") && t.isAlive());
    Replica again = customersReplica(fake, db);
    SyncReport report = again.sync();
    assertThat(report.inserted()).isEqualTo(600 - kept);
    assertThat(report.resource("crm.customers").orElseThrow().unchanged()).isZero();
    assertThat(Source.json(all(again))).isEqualTo(Source.customers(fake));
    assertThat(journal(again)).hasSize(600).extracting(Change::id).doesNotHaveDuplicates();
  }

  @Test
  void reads_ofAResourceNotReplicated_failNamingIt() {
    FakeServiceTitan fake = fake(10, 50);
    Replica replica = customersReplica(fake, newDatabase());
    assertThatThrownBy(() -> replica.count(Crm.LOCATIONS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crm.locations");
  }
}
