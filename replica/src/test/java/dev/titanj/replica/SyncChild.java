package dev.titanj.replica;

import dev.titanj.core.ServiceTitan;
import dev.titanj.crm.Crm;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The child JVM of {@link KillNineDuringSyncTest}: syncs {@code crm.customers} from the fake
 * server named by the {@code ST_*} environment into the database at {@code args[0]}, printing
 * {@code COMMITTED <batches> <records>} after every committed batch and {@code DONE} at the end.
 *
 * <p>With {@code args[1] = pause-before-commit:N} the N-th batch transaction (the ones that move
 * the checkpoint), with all its
 * statements executed, prints {@code IN-TRANSACTION N} and waits before {@code commit()}, so the
 * parent can kill the process inside an open transaction.
 */
public final class SyncChild {
  private SyncChild() {}

  @SuppressWarnings("try") // keepOpen is held, not used
  public static void main(String[] args) throws SQLException {
    String url = args[0];
    int pauseAt = args.length > 1 && args[1].startsWith("pause-before-commit:")
        ? Integer.parseInt(args[1].substring("pause-before-commit:".length())) : -1;
    if (url.startsWith("jdbc:h2:")) {
      url += ";WRITE_DELAY=0"; // what Replica.Builder.jdbcUrl adds; a data source is taken as is
    }
    DataSource ds = pausing(new DriverDataSource(url, null, null), pauseAt);
    // Keeps the embedded H2 database open between the replica's connections.
    try (Connection keepOpen = ds.getConnection();
        ServiceTitan st = ServiceTitan.fromEnv();
        Replica replica = Replica.builder(st).dataSource(ds).resources(Crm.CUSTOMERS)
            .listener(p -> {
              System.out.println("COMMITTED " + p.batches() + " " + p.received());
              System.out.flush();
            }).build()) {
      SyncReport report = replica.sync();
      System.out.println("DONE " + report);
      System.out.flush();
    }
  }

  /** A data source whose connections stop before the {@code pauseAt}-th commit. */
  private static DataSource pausing(DataSource real, int pauseAt) {
    if (pauseAt < 1) {
      return real;
    }
    AtomicInteger commits = new AtomicInteger();
    return (DataSource) Proxy.newProxyInstance(SyncChild.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, methodArgs) -> {
          Object result = invoke(real, method, methodArgs);
          if (!method.getName().equals("getConnection")) {
            return result;
          }
          Connection c = (Connection) result;
          boolean[] batch = {false};
          return Proxy.newProxyInstance(SyncChild.class.getClassLoader(),
              new Class<?>[] {Connection.class}, (p, m, a) -> {
                if (m.getName().equals("prepareStatement") && a != null && a.length > 0
                    && String.valueOf(a[0]).startsWith("UPDATE " + Schema.CHECKPOINTS)) {
                  batch[0] = true; // every batch transaction moves the checkpoint
                }
                if (m.getName().equals("commit") && batch[0]
                    && commits.incrementAndGet() == pauseAt) {
                  System.out.println("IN-TRANSACTION " + pauseAt);
                  System.out.flush();
                  Thread.sleep(120_000); // killed here
                }
                return invoke(c, m, a);
              });
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method m, Object[] a)
      throws Throwable {
    try {
      return m.invoke(target, a);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
