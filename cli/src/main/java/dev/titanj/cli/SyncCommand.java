package dev.titanj.cli;

import dev.titanj.cli.internal.CliResource;
import dev.titanj.cli.internal.Connection;
import dev.titanj.cli.internal.CtrlC;
import dev.titanj.cli.internal.ProgressDisplay;
import dev.titanj.cli.internal.StopSignal;
import dev.titanj.cli.internal.Text;
import dev.titanj.cli.internal.UsageException;
import dev.titanj.core.CacheSettings;
import dev.titanj.core.ResourceKey;
import dev.titanj.replica.Replica;
import dev.titanj.replica.ResourceSyncReport;
import dev.titanj.replica.SyncListener;
import dev.titanj.replica.SyncReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code titanj sync --db URL --resources crm.customers,...}: brings a local replica
 * (dev.titanj.replica) up to date, one transaction per batch, with a progress display per
 * resource. Running it again continues from the stored checkpoints, after a Ctrl-C or a crash as
 * well as after a completed run.
 */
@Command(mixinStandardHelpOptions = true, header = "Sync resources into a local replica database (H2 or PostgreSQL), resumable.", name = "sync", sortOptions = false, descriptionHeading = "%n", optionListHeading = "%n", description =
        "Copy resources into a database and keep them current: through each resource's "
        + "export feed from its stored checkpoint (or a full list compared with the local copy "
        + "for resources without one). Every batch commits its records, tombstones, journal "
        + "entries and checkpoint in one transaction, so an interrupted run loses nothing: run "
        + "the same command again to continue. Example: titanj sync --db "
        + "jdbc:h2:file:./titanj-replica --resources crm.customers,accounting.invoices")
final class SyncCommand implements Callable<Integer> {
  @ParentCommand
  TitanjCommand root;

  @Option(names = "--db", paramLabel = "JDBC-URL", required = true,
      description = "The replica database: jdbc:h2:file:PATH (embedded, created if missing) or "
          + "jdbc:postgresql://HOST/DB.")
  String db;

  @Option(names = "--resources", paramLabel = "AREA.RESOURCE[,...]", required = true, split = ",",
      description = "Resources to sync, in order, such as crm.customers,accounting.invoices "
          + "('titanj resources' lists them).")
  List<String> resources;

  @Option(names = "--db-user", paramLabel = "USER", description = "Database user (PostgreSQL).")
  String dbUser;

  @Option(names = "--db-password-env", paramLabel = "VAR",
      description = "Name of the environment variable that holds the database password.")
  String dbPasswordEnv;

  @Option(names = "--progress", paramLabel = "auto|bar|plain|none", defaultValue = "auto",
      description = "Progress on stderr: a bar per resource on a terminal, plain lines otherwise "
          + "(default ${DEFAULT-VALUE}).")
  String progress;

  /** Thrown from the listener after a committed batch when Ctrl-C asked to stop. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("stopped by request", null, false, false);
    }
  }

  @Override
  public Integer call() {
    root.action = "sync";
    if (!db.startsWith("jdbc:")) {
      throw new UsageException("--db must be a JDBC URL (jdbc:h2:file:./replica or"
          + " jdbc:postgresql://host/db), was '" + db.split(":", 2)[0] + ":...'");
    }
    List<ResourceKey<?, ?>> keys = new ArrayList<>();
    for (String name : resources) {
      String n = name.trim();
      int dot = n.indexOf('.');
      if (dot <= 0 || dot == n.length() - 1) {
        throw new UsageException("--resources takes AREA.RESOURCE names such as crm.customers, was '"
            + n + "'");
      }
      CliResource r = root.context.registry().resolve(n.substring(0, dot), n.substring(dot + 1));
      if (!r.canExport() && !r.canList()) {
        throw new UsageException(r.label() + " has neither an export feed nor a list to sync from");
      }
      keys.add(r.key());
    }
    String password = null;
    if (dbPasswordEnv != null) {
      password = root.context.env.get(dbPasswordEnv);
      if (password == null) {
        throw new UsageException("--db-password-env names " + dbPasswordEnv + ", which is not set");
      }
      root.context.redactor.add(password);
    }
    // Checks --progress before anything starts.
    ProgressDisplay.create(progress, false, "none", "sync", -1, "batch",
        root.spec.commandLine().getErr()).close();
    PrintWriter err = root.spec.commandLine().getErr();
    PrintWriter out = root.spec.commandLine().getOut();
    StopSignal stop = root.context.stop;
    CtrlC ctrlC = CtrlC.install(stop, root.context.installShutdownHook, "titanj-sync-stop");
    Progress bars = new Progress(err);
    try (Connection c = root.connect(CacheSettings.defaults());
        Replica replica = Replica.builder(c.client()).jdbcUrl(db, dbUser, password)
            .catalog(root.context.catalog).resources(keys).build()) {
      SyncReport report;
      try {
        report = replica.sync(p -> {
          bars.update(p);
          if (stop.isStopped()) {
            throw new Stopped();
          }
        });
      } catch (Stopped s) {
        bars.close();
        err.println("titanj: sync interrupted after a committed batch; run the same command to"
            + " continue from there");
        err.flush();
        return ExitCodes.INTERRUPTED;
      } finally {
        bars.close();
      }
      for (ResourceSyncReport r : report.resources()) {
        out.printf(Locale.ROOT, "%s: %,d inserted, %,d updated, %,d deleted, %,d unchanged"
            + " (%s, %s, %s, %d ms)%n", r.resource(), r.inserted(), r.updated(), r.deleted(),
            r.unchanged(), r.mode() == dev.titanj.replica.SyncMode.EXPORT ? "export feed" : "full list",
            Text.count(r.batches(), "batch"), r.caughtUp() ? "caught up" : "more to come",
            r.duration().toMillis());
        out.printf(Locale.ROOT, "  %s now holds %,d records%n", replica.tableName(
            keys.get(report.resources().indexOf(r))), replica.count(keys.get(report.resources().indexOf(r))));
      }
      out.flush();
      err.println(report.runId().isPresent()
          ? "titanj: sync run " + report.runId().getAsLong() + " committed to " + safe(db)
              + "; its changes are in titanj_journal"
          : "titanj: nothing changed; " + safe(db) + " was already up to date");
      if (!report.caughtUp()) {
        err.println("titanj: a bound stopped a resource before its end; run again to continue");
      }
      err.flush();
      return ExitCodes.OK;
    } finally {
      ctrlC.release();
    }
  }

  /** The URL without its query part (which may carry a password). */
  private static String safe(String url) {
    int q = url.indexOf('?');
    int s = url.indexOf(';');
    int cut = q < 0 ? s : s < 0 ? q : Math.min(q, s);
    return cut < 0 ? url : url.substring(0, cut);
  }

  /** One progress display per resource, switched when the sync moves to the next resource. */
  private final class Progress implements AutoCloseable {
    private final PrintWriter err;
    private String resource;
    private ProgressDisplay display;

    Progress(PrintWriter err) {
      this.err = err;
    }

    void update(SyncListener.Progress p) {
      if (!p.resource().equals(resource)) {
        close();
        resource = p.resource();
        display = ProgressDisplay.create(progress, root.context.terminal, "plain", p.resource(),
            -1, "batch", err);
      }
      display.update(p.received(), p.batches());
    }

    @Override
    public void close() {
      if (display != null) {
        display.close();
        display = null;
      }
    }
  }
}
