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
}
