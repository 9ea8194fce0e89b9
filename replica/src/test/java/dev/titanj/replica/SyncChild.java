package dev.titanj.replica;

import dev.titanj.core.ServiceTitan;
import dev.titanj.crm.Crm;

/**
 * The child JVM of {@link KillNineDuringSyncTest}: syncs {@code crm.customers} from the fake
 * server named by the {@code ST_*} environment into the database at {@code args[0]}, printing
 * {@code COMMITTED <batches> <records>} after every committed batch and {@code DONE} at the end.
 */
public final class SyncChild {
  private SyncChild() {}

  public static void main(String[] args) {
    try (ServiceTitan st = ServiceTitan.fromEnv();
        Replica replica = Replica.builder(st).jdbcUrl(args[0]).resources(Crm.CUSTOMERS)
            .listener(p -> {
              System.out.println("COMMITTED " + p.batches() + " " + p.received());
              System.out.flush();
            }).build()) {
      SyncReport report = replica.sync();
      System.out.println("DONE " + report);
      System.out.flush();
    }
  }
}
