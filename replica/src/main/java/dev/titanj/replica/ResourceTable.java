package dev.titanj.replica;

import dev.titanj.core.Active;
import dev.titanj.core.ExportBatch;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.ExportRepository;
import dev.titanj.core.ListQuery;
import dev.titanj.core.QueryRepository;
import dev.titanj.core.Repository;
import dev.titanj.core.ResourceKey;
import dev.titanj.core.ServiceTitan;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/** One replicated resource: its table, its codec, and how it is synced and read. */
final class ResourceTable<T, K> {
  /** Empty export batches in a row after which a run stops even if the server claims more. */
  static final int MAX_EMPTY_BATCHES = 100;

  final ResourceKey<T, K> key;
  final String resource;
  final String table;
  final RecordCodec<T, K> codec;
  final SyncMode mode;
  /** How a record JSON parameter is bound for this table's column; set when the replica opens. */
  volatile String jsonParameter;
  private final Function<ServiceTitan, ? extends Repository<T, K>> repositories;

  ResourceTable(ResourceKey<T, K> key, SyncMode mode,
      Function<ServiceTitan, ? extends Repository<T, K>> repositories) {
    this.key = key;
    this.resource = key.name();
    this.table = Schema.tableName(key.name());
    this.codec = new RecordCodec<>(key);
    this.mode = mode;
    this.repositories = repositories;
  }

  /** The mode a repository supports: its export feed if it has one, else a full list. */
  static SyncMode modeOf(Repository<?, ?> repository) {
    if (repository instanceof ExportRepository) {
      return SyncMode.EXPORT;
    }
    if (repository instanceof QueryRepository) {
      return SyncMode.FULL_SCAN;
    }
    return null;
  }

  /** Bounds and callbacks of one sync. */
  record Limits(int batchSize, long maxBatches, long maxScanRecords) { }

  ResourceSyncReport sync(ServiceTitan st, Store store, Limits limits, SyncListener listener,
      Store.RunIds runs) throws SQLException {
    long t0 = System.nanoTime();
    Repository<T, K> repository = repositories.apply(st);
    Totals totals = mode == SyncMode.EXPORT
        ? syncExport((ExportRepository<T, K>) repository, store, limits, listener, runs)
        : syncScan((QueryRepository<T, K>) repository, store, limits, listener, runs);
    return new ResourceSyncReport(resource, mode, totals.inserted, totals.updated,
        totals.deleted, totals.unchanged, totals.batches, totals.caughtUp,
        Duration.ofNanos(System.nanoTime() - t0));
  }

  private static final class Totals {
    long inserted;
    long updated;
    long deleted;
    long unchanged;
    long batches;
    boolean caughtUp;

    void add(Store.Written w) {
      inserted += w.inserted();
      updated += w.updated();
      deleted += w.deleted();
      unchanged += w.unchanged();
    }

    long received() {
      return inserted + updated + deleted + unchanged;
    }

    long changed() {
      return inserted + updated + deleted;
    }
  }

  private Totals syncExport(ExportRepository<T, K> repository, Store store, Limits limits,
      SyncListener listener, Store.RunIds runs) throws SQLException {
    Totals totals = new Totals();
    Store.Checkpoint cp = store.checkpoint(resource, SyncMode.EXPORT);
    // The feed's own prefetch is off: Prefetch below requests one batch ahead itself, within
    // this sync's bounds (maxBatchesPerSync), which the feed cannot know.
    ExportFeed<T> feed = repository.export(ExportCursor.from(
        cp.mode() == SyncMode.EXPORT ? cp.token() : null)).prefetch(false);
    NewIds fresh = store.newIds(this);
    try (Prefetch<T> ahead = new Prefetch<>(feed, resource)) {
      int emptyInARow = 0;
      Future<ExportBatch<T>> next = limits.maxBatches() > 0 ? ahead.request() : null;
      for (long b = 0; next != null; b++) {
        if (Thread.currentThread().isInterrupted()) {
          break;
        }
        ExportBatch<T> batch = ahead.await(next);
        if (batch == null) {
          break; // interrupted while waiting
        }
        emptyInARow = batch.items().isEmpty() ? emptyInARow + 1 : 0;
        // The next request goes out now, so it travels while this batch is written; it is the
        // request the loop would make next anyway (same bounds), so none is made in vain
        // unless this batch's write fails.
        next = batch.hasMore() && emptyInARow < MAX_EMPTY_BATCHES && b + 1 < limits.maxBatches()
            ? ahead.request() : null;
        // Encoded here, not on the fetch thread: the fetch thread's chain (request, server,
        // decode) is what a plain export stream does, and this thread has time to spare.
        List<RecordCodec.Row> rows = new ArrayList<>(batch.items().size());
        for (T item : batch.items()) {
          rows.add(codec.encode(item));
        }
        Store.Written w = store.writeBatch(this, rows, cp, SyncMode.EXPORT, batch.next().token(),
            !batch.hasMore(), runs, fresh);
        cp = w.checkpoint();
        totals.add(w);
        totals.batches++;
        listener.batchCommitted(new SyncListener.Progress(resource, SyncMode.EXPORT, totals.batches,
            totals.received(), totals.changed(), cp.token()));
        if (!batch.hasMore()) {
          totals.caughtUp = true;
        }
      }
    }
    return totals;
  }

  /**
   * Requests export batches on a thread of its own, one ahead of the writer: while batch n is
   * encoded and written, batch n+1 is requested and decoded. The feed is only ever used
   * by one request at a time (the next is made after the previous one's result was taken), so
   * its one-consumer rule holds; a batch is only written by the sync's thread, in order.
   */
  static final class Prefetch<T> implements AutoCloseable {
    private final ExportFeed<T> feed;
    private final String resource;
    private final ExecutorService thread;

    Prefetch(ExportFeed<T> feed, String resource) {
      this.feed = feed;
      this.resource = resource;
      this.thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "titanj-replica-fetch-" + resource);
        t.setDaemon(true);
        return t;
      });
    }

    /** Requests the next batch; call {@link #await} on the result before requesting again. */
    Future<ExportBatch<T>> request() {
      return thread.submit(feed::nextBatch);
    }

    /** The requested batch; null when this thread was interrupted while waiting (flag kept). */
    ExportBatch<T> await(Future<ExportBatch<T>> f) {
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        f.cancel(true);
        return null;
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
          throw (Error) cause;
        }
        throw new ReplicaException("could not read an export batch of " + resource, cause);
      }
    }

    /** Stops a request still in flight (after a failed write) and ends the thread. */
    @Override
    public void close() {
      thread.shutdownNow();
      try {
        thread.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Totals syncScan(QueryRepository<T, K> repository, Store store, Limits limits,
      SyncListener listener, Store.RunIds runs) throws SQLException {
    Totals totals = new Totals();
    Store.Checkpoint cp = store.checkpoint(resource, SyncMode.FULL_SCAN);
    ListQuery<T, ?> q = activeAny(repository.query());
    q = q.pageSize(Math.min(q.maxPageSize(), limits.batchSize())).limit(limits.maxScanRecords());
    IdSet seen = new IdSet(codec.integralId());
    NewIds fresh = store.newIds(this);
    long received = 0;
    List<RecordCodec.Row> buffer = new ArrayList<>();
    try (Stream<T> records = q.stream()) {
      Iterator<T> it = records.iterator();
      while (it.hasNext()) {
        RecordCodec.Row row = codec.encode(it.next());
        seen.add(row.id());
        buffer.add(row);
        received++;
        if (buffer.size() >= limits.batchSize()) {
          cp = flushScan(store, buffer, cp, totals, listener, runs, fresh);
          if (Thread.currentThread().isInterrupted()) {
            return totals;
          }
        }
      }
    }
    if (!buffer.isEmpty()) {
      cp = flushScan(store, buffer, cp, totals, listener, runs, fresh);
    }
    if (received >= limits.maxScanRecords()) {
      return totals; // not read to its end: what is missing may lie beyond the bound
    }
    List<Store.Vanished> gone = store.vanished(this, seen);
    for (int from = 0; from < gone.size(); from += limits.batchSize()) {
      List<Store.Vanished> chunk = gone.subList(from, Math.min(gone.size(), from + limits.batchSize()));
      boolean last = from + limits.batchSize() >= gone.size();
      totals.deleted += store.markDeleted(this, chunk, cp, last, runs);
      cp = new Store.Checkpoint(resource, SyncMode.FULL_SCAN, null, cp.version() + 1, cp.completedAt());
      totals.batches++;
      listener.batchCommitted(new SyncListener.Progress(resource, SyncMode.FULL_SCAN,
          totals.batches, totals.received(), totals.changed(), null));
    }
    totals.caughtUp = true;
    return totals;
  }

  private Store.Checkpoint flushScan(Store store, List<RecordCodec.Row> buffer,
      Store.Checkpoint cp, Totals totals, SyncListener listener, Store.RunIds runs, NewIds fresh)
      throws SQLException {
    Store.Written w = store.writeBatch(this, buffer, cp, SyncMode.FULL_SCAN, null, false, runs,
        fresh);
    buffer.clear();
    totals.add(w);
    totals.batches++;
    listener.batchCommitted(new SyncListener.Progress(resource, SyncMode.FULL_SCAN,
        totals.batches, totals.received(), totals.changed(), null));
    return w.checkpoint();
  }

  /**
   * The query with {@code active(Active.ANY)} when its list has that filter, so inactive records
   * are listed rather than taken for deleted ones. The generated method is public API of the
   * module's query type; a list without it returns what the API returns by default.
   */
  private static <T> ListQuery<T, ?> activeAny(ListQuery<T, ?> q) {
    Method m;
    try {
      m = q.getClass().getMethod("active", Active.class);
    } catch (NoSuchMethodException e) {
      return q;
    }
    try {
      @SuppressWarnings("unchecked")
      ListQuery<T, ?> any = (ListQuery<T, ?>) m.invoke(q, Active.ANY);
      return any;
    } catch (IllegalAccessException | InvocationTargetException | ClassCastException e) {
      return q;
    }
  }

  // ------------------------------------------------------------------ reading

  Optional<T> find(Store store, K id) {
    Object columnId = codec.columnId(id);
    try (Connection c = store.connect();
        PreparedStatement ps = c.prepareStatement("SELECT record_json FROM " + table
            + " WHERE tenant = ? AND id = ? AND deleted = FALSE")) {
      ps.setLong(1, store.tenant);
      Store.setId(ps, 2, columnId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(codec.decode(rs.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new ReplicaException("could not read " + resource + " " + id, e);
    }
  }
}
