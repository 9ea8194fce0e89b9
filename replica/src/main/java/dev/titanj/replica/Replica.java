package dev.titanj.replica;

import dev.titanj.core.LocalRecords;
import dev.titanj.core.Repository;
import dev.titanj.core.ResourceCatalog;
import dev.titanj.core.ResourceDescriptor;
import dev.titanj.core.ResourceKey;
import dev.titanj.core.ServiceTitan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A local copy of chosen ServiceTitan resources of one tenant, kept in sync in a JDBC database:
 * an embedded H2 file by default ({@link Builder#directory(Path)}), or PostgreSQL
 * ({@link Builder#jdbcUrl(String)}, {@link Builder#dataSource(DataSource)}).
 *
 * <p>{@link #sync()} reads each resource's export feed from its stored continuation token (or,
 * for a resource without an export feed, its full list, compared with the local copy to find
 * deletions) and writes each batch's records, tombstones, journal entries and the new checkpoint
 * in one transaction: a sync stopped at any point (an exception, a kill -9, a power cut) resumes
 * from the last committed batch, losing and repeating nothing. Reads ({@link #find},
 * {@link #count}, {@link #stream}, {@link #query}) never touch the network.
 *
 * <p>Several tenants share one database: every row is keyed by tenant, and each replica reads and
 * writes only the tenant of its client. Thread-safe; one sync at a time per replica. See
 * {@code docs/replica.md} for the schema and the guarantees.
 *
 * <pre>{@code
 * try (Replica replica = Replica.builder(st)
 *         .directory(Path.of("titanj-replica"))
 *         .resources(Crm.CUSTOMERS, Accounting.INVOICES)
 *         .build()) {
 *   SyncReport report = replica.sync();
 *   long count = replica.count(Crm.CUSTOMERS);
 *   Optional<Customer> local = replica.find(Crm.CUSTOMERS, 42L);
 * }
 * }</pre>
 */
public final class Replica implements AutoCloseable, LocalRecords {
  /** Records per transaction when the export batch is larger or for full lists; default. */
  public static final int DEFAULT_BATCH_SIZE = 5000;

  private final ServiceTitan serviceTitan;
  private final Store store;
  private final Map<ResourceKey<?, ?>, ResourceTable<?, ?>> tables;
  private final ResourceTable.Limits limits;
  private final SyncListener listener;
  private final Connection keepAlive;
  private final String description;
  private volatile boolean closed;

  private Replica(Builder b, DataSource dataSource, Connection keepAlive, Dialect dialect,
      Map<ResourceKey<?, ?>, ResourceTable<?, ?>> tables, String description) {
    this.serviceTitan = b.serviceTitan;
    this.store = new Store(dataSource, dialect, b.serviceTitan.tenantId(), b.clock);
    this.tables = tables;
    this.limits = new ResourceTable.Limits(b.batchSize, b.maxBatches, b.maxScanRecords);
    this.listener = b.listener;
    this.keepAlive = keepAlive;
    this.description = description;
  }

  /** A builder for a replica of {@code serviceTitan}'s tenant. */
  public static Builder builder(ServiceTitan serviceTitan) {
    if (serviceTitan == null) {
      throw new IllegalArgumentException("serviceTitan must not be null");
    }
    return new Builder(serviceTitan);
  }

  /** The tenant this replica holds. */
  public long tenant() {
    return store.tenant;
  }

  /** The replicated resources, in sync order. */
  public List<ResourceKey<?, ?>> resources() {
    return List.copyOf(tables.keySet());
  }

  /** How {@code key} is synced: through its export feed or a full list. */
  public SyncMode mode(ResourceKey<?, ?> key) {
    return table(key).mode;
  }

  /** The table that holds {@code key}'s records, such as {@code titanj_crm_customers}. */
  public String tableName(ResourceKey<?, ?> key) {
    return table(key).table;
  }

  /** Syncs every resource with the listener given to the builder. */
  public SyncReport sync() {
    return sync(listener);
  }

  /**
   * Syncs every resource, in order, each from its checkpoint to the end of its feed (or
   * through its full list), one transaction per batch; {@code listener} hears of every committed
   * batch. A failure stops the sync with the batches committed so far kept; the next sync
   * resumes after them.
   *
   * @throws dev.titanj.core.TitanException for an API failure ({@link ReplicaException} for a
   *     database one)
   */
  public synchronized SyncReport sync(SyncListener listener) {
    requireOpen();
    Objects.requireNonNull(listener, "listener");
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    long[] run = {0};
    Store.RunIds runs = () -> {
      if (run[0] == 0) {
        run[0] = store.startRun();
      }
      return run[0];
    };
    List<ResourceSyncReport> reports = new ArrayList<>();
    try {
      for (ResourceTable<?, ?> t : tables.values()) {
        reports.add(t.sync(serviceTitan, store, limits, listener, runs));
      }
    } catch (SQLException e) {
      failRun(run[0], e);
      throw new ReplicaException("sync of tenant " + store.tenant + " failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      failRun(run[0], e);
      throw e;
    }
    if (run[0] != 0) {
      try {
        store.finishRun(run[0], "COMPLETED", sum(reports, ResourceSyncReport::inserted),
            sum(reports, ResourceSyncReport::updated), sum(reports, ResourceSyncReport::deleted));
      } catch (SQLException e) {
        throw new ReplicaException("could not mark sync run " + run[0] + " completed", e);
      }
    }
    return new SyncReport(store.tenant, run[0] == 0 ? OptionalLong.empty() : OptionalLong.of(run[0]),
        started, Duration.ofNanos(System.nanoTime() - t0), reports);
  }

  private static long sum(List<ResourceSyncReport> r,
      java.util.function.ToLongFunction<ResourceSyncReport> f) {
    return r.stream().mapToLong(f).sum();
  }

  private void failRun(long runId, Exception cause) {
    if (runId != 0) {
      try {
        store.finishRun(runId, "FAILED", 0, 0, 0);
      } catch (SQLException | RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }

  /** The stored record of {@code key} with {@code id}, active or not; empty if absent or deleted. */
  public <T, K> Optional<T> find(ResourceKey<T, K> key, K id) {
    requireOpen();
    return typedTable(key).find(store, id);
  }

  /**
   * The stored records of {@code key} with these ids, for a session reading from this replica
   * first ({@code st.openSession(replica)}); a resource this replica does not keep gives none.
   */
  @Override
  public <T, K> Map<K, T> findAll(ResourceKey<T, K> key, Collection<K> ids) {
    requireOpen();
    Map<K, T> out = new LinkedHashMap<>();
    if (!resources().contains(key)) {
      return out;
    }
    for (K id : ids) {
      find(key, id).ifPresent(r -> out.put(id, r));
    }
    return out;
  }

  /** The number of stored records of {@code key}, active and inactive, deleted ones left out. */
  public long count(ResourceKey<?, ?> key) {
    return query(key).count();
  }

  /**
   * Every stored record of {@code key} (active and inactive, deleted ones left out) in id
   * order, read lazily; close the stream.
   */
  public <T, K> Stream<T> stream(ResourceKey<T, K> key) {
    return query(key).stream();
  }

  /** A query over the stored records of {@code key}. */
  public <T, K> ReplicaQuery<T, K> query(ResourceKey<T, K> key) {
    requireOpen();
    return new ReplicaQuery<>(typedTable(key), store);
  }

  /**
   * The stored continuation token of {@code key}'s export feed; empty before the first batch and
   * for resources synced by full list.
   */
  public Optional<String> checkpoint(ResourceKey<?, ?> key) {
    requireOpen();
    ResourceTable<?, ?> t = table(key);
    try (Connection c = store.connect()) {
      return store.readCheckpoint(c, t.resource).map(Store.Checkpoint::token);
    } catch (SQLException e) {
      throw new ReplicaException("could not read the checkpoint of " + key, e);
    }
  }

  /**
   * Up to {@code max} journal entries of this tenant after sequence number {@code afterSeq}, in
   * sequence order: pass 0 first, then the {@link Change#seq()} of the last entry processed.
   */
  public List<Change> changes(long afterSeq, int max) {
    requireOpen();
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive, was " + max);
    }
    List<Change> out = new ArrayList<>(Math.min(max, 10_000));
    try (Connection c = store.connect();
        PreparedStatement ps = c.prepareStatement("SELECT seq, run_id, resource, record_id, change_kind,"
            + " modified_on FROM " + Schema.JOURNAL + " WHERE tenant = ? AND seq > ? ORDER BY seq")) {
      ps.setLong(1, store.tenant);
      ps.setLong(2, afterSeq);
      ps.setMaxRows(max);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          OffsetDateTime m = rs.getObject(6, OffsetDateTime.class);
          out.add(new Change(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
              ChangeKind.valueOf(rs.getString(5)),
              Optional.ofNullable(m).map(OffsetDateTime::toInstant)));
        }
      }
    } catch (SQLException e) {
      throw new ReplicaException("could not read the change journal", e);
    }
    return out;
  }

  private ResourceTable<?, ?> table(ResourceKey<?, ?> key) {
    if (key == null) {
      throw new IllegalArgumentException("key must not be null");
    }
    ResourceTable<?, ?> t = tables.get(key);
    if (t == null) {
      throw new IllegalArgumentException(key + " is not a resource of this replica (it holds "
          + tables.keySet() + "); add it with Replica.builder(st).resources(...)");
    }
    return t;
  }

  @SuppressWarnings("unchecked")
  private <T, K> ResourceTable<T, K> typedTable(ResourceKey<T, K> key) {
    return (ResourceTable<T, K>) table((ResourceKey<?, ?>) key);
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the replica is closed");
    }
  }

  /** Releases the embedded database (the client is the caller's). Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (keepAlive != null) {
      try {
        keepAlive.close();
      } catch (SQLException e) {
        // closing: nothing to keep
      }
    }
  }

  @Override
  public String toString() {
    return "Replica{tenant=" + store.tenant + ", " + description + ", " + tables.keySet() + "}";
  }

  /** Settings of a {@link Replica}: where it lives and which resources it holds. */
  public static final class Builder {
    private final ServiceTitan serviceTitan;
    private Path directory;
    private String jdbcUrl;
    private String user;
    private String password;
    private DataSource dataSource;
    private final List<ResourceKey<?, ?>> keys = new ArrayList<>();
    private ResourceCatalog catalog;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private long maxBatches = 1_000_000;
    private long maxScanRecords = 10_000_000;
    private SyncListener listener = SyncListener.NONE;
    private Clock clock = Clock.systemUTC();

    private Builder(ServiceTitan serviceTitan) {
      this.serviceTitan = serviceTitan;
    }

    /**
     * The embedded default: an H2 database file {@code replica.mv.db} in {@code directory}
     * (created if missing), opened with {@code WRITE_DELAY=0} so every committed batch is written
     * to the file when its commit returns, before the listener hears of it and before the next
     * batch is written.
     */
    public Builder directory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** A database by JDBC URL: {@code jdbc:postgresql://host/db} or {@code jdbc:h2:file:...}. */
    public Builder jdbcUrl(String jdbcUrl) {
      return jdbcUrl(jdbcUrl, null, null);
    }

    /** A database by JDBC URL, with a user and password. */
    public Builder jdbcUrl(String jdbcUrl, String user, String password) {
      if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
        // The value is not echoed: a URL can carry a password.
        throw new IllegalArgumentException("jdbcUrl must start with jdbc:"
            + (jdbcUrl == null ? ", was null" : ""));
      }
      this.jdbcUrl = jdbcUrl;
      this.user = user;
      this.password = password;
      return this;
    }

    /** A database behind a pool such as HikariCP (the replica opens and closes connections). */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /** The resources to replicate, synced in this order. */
    public Builder resources(ResourceKey<?, ?>... keys) {
      if (keys == null) {
        throw new IllegalArgumentException("keys must not be null");
      }
      return resources(Arrays.asList(keys));
    }

    /** The resources to replicate, synced in this order. */
    public Builder resources(Collection<? extends ResourceKey<?, ?>> keys) {
      if (keys == null) {
        throw new IllegalArgumentException("keys must not be null");
      }
      for (ResourceKey<?, ?> k : keys) {
        if (k == null) {
          throw new IllegalArgumentException("keys must not contain null");
        }
        if (!this.keys.contains(k)) {
          this.keys.add(k);
        }
      }
      return this;
    }

    /** Where resource descriptors are looked up; default: the installed modules. */
    public Builder catalog(ResourceCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /** Records per transaction of a full list (export batches keep the server's size); default 5000. */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1 || batchSize > 50_000) {
        throw new IllegalArgumentException("batchSize must be between 1 and 50000, was " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** Most export batches one sync reads per resource; default 1,000,000. */
    public Builder maxBatchesPerSync(long maxBatches) {
      if (maxBatches < 1) {
        throw new IllegalArgumentException("maxBatchesPerSync must be positive, was " + maxBatches);
      }
      this.maxBatches = maxBatches;
      return this;
    }

    /**
     * Most records one full list reads; default 10,000,000. A list cut short by this bound is
     * not used to find deletions.
     */
    public Builder maxRecordsPerScan(long maxRecords) {
      if (maxRecords < 1) {
        throw new IllegalArgumentException("maxRecordsPerScan must be positive, was " + maxRecords);
      }
      this.maxScanRecords = maxRecords;
      return this;
    }

    /** Told after every committed batch of {@link Replica#sync()}. */
    public Builder listener(SyncListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The clock of {@code synced_at} and checkpoint times; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Opens the database, creates the missing tables and resolves every resource.
     *
     * @throws IllegalArgumentException when no database or no resource was chosen, or a resource
     *     is not installed or has neither an export feed nor a list
     * @throws ReplicaException when the database cannot be opened or prepared
     */
    public Replica build() {
      int sources = (directory != null ? 1 : 0) + (jdbcUrl != null ? 1 : 0) + (dataSource != null ? 1 : 0);
      if (sources != 1) {
        throw new IllegalArgumentException("choose exactly one database: directory(path), jdbcUrl(url)"
            + " or dataSource(ds)" + (sources > 1 ? "; more than one was given" : ""));
      }
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("resources must not be empty: name what to replicate, e.g."
            + " resources(Crm.CUSTOMERS)");
      }
      ResourceCatalog cat = catalog != null ? catalog : ResourceCatalog.installed();
      Map<ResourceKey<?, ?>, ResourceTable<?, ?>> tables = new LinkedHashMap<>();
      for (ResourceKey<?, ?> k : keys) {
        tables.put(k, resolve(cat, k));
      }
      String description;
      DataSource ds;
      if (directory != null) {
        try {
          Files.createDirectories(directory);
        } catch (java.io.IOException e) {
          throw new ReplicaException("could not create the replica directory " + directory, e);
        }
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("replica") + ";WRITE_DELAY=0";
        ds = new DriverDataSource(url, null, null);
        description = "h2 in " + directory;
      } else if (jdbcUrl != null) {
        String url = jdbcUrl;
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY")
            && !url.startsWith("jdbc:h2:mem:")) {
          url = url + ";WRITE_DELAY=0";
        }
        ds = new DriverDataSource(url, user, password);
        description = url.startsWith("jdbc:h2:") ? "h2" : url.startsWith("jdbc:postgresql:")
            ? "postgresql" : "jdbc";
      } else {
        ds = dataSource;
        description = "data source";
      }
      Connection keepAlive = null;
      try {
        Connection c = ds.getConnection();
        Dialect dialect;
        try {
          dialect = Dialect.of(c);
          List<String> ddl = new ArrayList<>(Schema.common(dialect));
          for (ResourceTable<?, ?> t : tables.values()) {
            ddl.addAll(Schema.resource(dialect, t.table, t.key.idType()));
          }
          Schema.apply(c, ddl);
          Schema.upgrade(c, dialect);
          for (ResourceTable<?, ?> t : tables.values()) {
            t.jsonParameter = dialect.jsonParameter(Schema.recordColumnType(c, dialect, t.table));
          }
        } catch (SQLException | RuntimeException e) {
          c.close();
          throw e;
        }
        if (dialect == Dialect.H2 && dataSource == null) {
          keepAlive = c; // H2 closes a file database with its last connection: keep it open
        } else {
          c.close();
        }
        return new Replica(this, ds, keepAlive, dialect, tables, description);
      } catch (SQLException e) {
        throw new ReplicaException("could not open the replica database (" + description + "): "
            + e.getMessage(), e);
      }
    }

    private ResourceTable<?, ?> resolve(ResourceCatalog cat, ResourceKey<?, ?> key) {
      Optional<ResourceDescriptor<?, ?>> found = cat.find(key.name());
      if (found.isEmpty() || !found.get().key().equals(key)) {
        throw new IllegalArgumentException(key + " is not an installed resource"
            + cat.suggest(key.name()));
      }
      ResourceDescriptor<?, ?> d = found.get();
      return tableOf(d);
    }

    private <T, K> ResourceTable<T, K> tableOf(ResourceDescriptor<T, K> d) {
      // The mode follows the contracts the repository implements (making one sends nothing).
      Repository<T, K> repository = d.repositoryOf(serviceTitan);
      SyncMode mode = ResourceTable.modeOf(repository);
      if (mode == null) {
        throw new IllegalArgumentException(d.name() + " has neither an export feed nor a list:"
            + " it cannot be replicated");
      }
      return new ResourceTable<>(d.key(), mode, d.repository());
    }

    @Override
    public String toString() {
      return "Replica.Builder{tenant=" + serviceTitan.tenantId() + ", " + keys + "}";
    }
  }
}
