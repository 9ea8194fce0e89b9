package dev.titanj.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.crm.Crm;
import dev.titanj.testing.FakeServiceTitan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replica contract on the embedded default, an H2 file database. */
class H2ReplicaTest extends ReplicaContract {
  private static final AtomicInteger N = new AtomicInteger();

  @TempDir
  Path dir;

  @Override
  String newDatabase() {
    return "jdbc:h2:file:" + dir.resolve("db" + N.incrementAndGet()).toAbsolutePath();
  }

  @Test
  void directory_opensAnH2FileThere_andAReopenedReplicaResumes() {
    FakeServiceTitan fake = fake(150, 50);
    Path folder = dir.resolve("replica-folder");
    try (Replica replica = Replica.builder(fake.client()).directory(folder)
        .resources(Crm.CUSTOMERS).build()) {
      assertThat(replica.sync().inserted()).isEqualTo(150);
    }
    assertThat(Files.exists(folder.resolve("replica.mv.db"))).isTrue();
    try (Replica reopened = Replica.builder(fake.client()).directory(folder)
        .resources(Crm.CUSTOMERS).build()) {
      assertThat(reopened.count(Crm.CUSTOMERS)).isEqualTo(150);
      assertThat(reopened.sync().changed()).isZero();
    }
  }

  @Test
  void session_overTheReplica_readsReferencedRecordsLocally_withoutAnyRequest() {
    FakeServiceTitan fake = fake(150, 50);
    try (Replica replica = Replica.builder(fake.client()).jdbcUrl(newDatabase())
        .resources(Crm.CUSTOMERS).build()) {
      replica.sync();
      java.util.List<dev.titanj.crm.model.Location> locations =
          Crm.of(fake.client()).locations().query().pageSize(100).limit(100).toList();
      String customers = "/crm/v2/tenant/" + fake.tenantId() + "/customers";
      long before = requestsUnder(fake, customers);

      try (dev.titanj.core.TitanSession session = fake.client().openSession(replica)) {
        java.util.Map<Long, dev.titanj.crm.model.Customer> owners =
            session.load(dev.titanj.crm.model.Location.CUSTOMER, locations);

        assertThat(owners).isNotEmpty();
        assertThat(requestsUnder(fake, customers)).isEqualTo(before);
      }
      try (dev.titanj.core.TitanSession plain = fake.client().openSession()) {
        plain.load(dev.titanj.crm.model.Location.CUSTOMER, locations);
        assertThat(requestsUnder(fake, customers)).isGreaterThan(before);
      }
    }
  }

  private static long requestsUnder(FakeServiceTitan fake, String path) {
    return fake.requestCounts().entrySet().stream()
        .filter(e -> e.getKey().equals(path) || e.getKey().startsWith(path + "/"))
        .mapToLong(java.util.Map.Entry::getValue).sum();
  }
}
