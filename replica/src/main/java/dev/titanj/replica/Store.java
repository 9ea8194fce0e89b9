package dev.titanj.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The replica's SQL for one tenant: checkpoints, run rows, and the one-transaction batch write
 * that stores records, tombstones, journal entries and the new checkpoint together.
 */
final class Store {
  /** Ids per {@code IN (...)} list when looking up the stored state of a batch. */
  private static final int IN_CHUNK = 500;

  final DataSource dataSource;
  final Dialect dialect;
  final long tenant;
  private final Clock clock;

  Store(DataSource dataSource, Dialect dialect, long tenant, Clock clock) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.tenant = tenant;
    this.clock = clock;
  }

  Connection connect() throws SQLException {
    return dataSource.getConnection();
  }

  OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  static OffsetDateTime odt(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  static void setTime(PreparedStatement ps, int i, OffsetDateTime t) throws SQLException {
    if (t == null) {
      ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(i, t);
    }
  }

  static void setId(PreparedStatement ps, int i, Object id) throws SQLException {
    if (id instanceof Long) {
      ps.setLong(i, (Long) id);
    } else {
      ps.setString(i, id.toString());
    }
  }

  // ------------------------------------------------------------------ checkpoints

  /** The stored position of one resource: its token and the version the next write expects. */
  record Checkpoint(String resource, SyncMode mode, String token, long version,
      Optional<Instant> completedAt) { }

  /** The checkpoint of {@code resource}, created (empty, version 0) when there is none yet. */
  Checkpoint checkpoint(String resource, SyncMode mode) throws SQLException {
    try (Connection c = connect()) {
      Optional<Checkpoint> cp = readCheckpoint(c, resource);
      if (cp.isPresent()) {
        return cp.get();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + Schema.CHECKPOINTS
          + " (tenant, resource, sync_mode, token, version, updated_at) VALUES (?, ?, ?, NULL, 0, ?)")) {
        ps.setLong(1, tenant);
        ps.setString(2, resource);
        ps.setString(3, mode.name());
        setTime(ps, 4, now());
        ps.executeUpdate();
        if (!c.getAutoCommit()) {
          c.commit();
        }
      } catch (SQLException raced) {
        // Another process created it at the same moment: read theirs.
        if (!c.getAutoCommit()) {
          c.rollback();
        }
        return readCheckpoint(c, resource).orElseThrow(() -> raced);
      }
      return new Checkpoint(resource, mode, null, 0, Optional.empty());
    }
  }

  Optional<Checkpoint> readCheckpoint(Connection c, String resource) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT sync_mode, token, version, completed_at FROM "
        + Schema.CHECKPOINTS + " WHERE tenant = ? AND resource = ?")) {
      ps.setLong(1, tenant);
      ps.setString(2, resource);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        OffsetDateTime done = rs.getObject(4, OffsetDateTime.class);
        return Optional.of(new Checkpoint(resource, SyncMode.valueOf(rs.getString(1)),
            rs.getString(2), rs.getLong(3), Optional.ofNullable(done).map(OffsetDateTime::toInstant)));
      }
    }
  }

  /** Moves the checkpoint from {@code expected}; fails when another writer moved it first. */
  private void advance(Connection c, Checkpoint expected, SyncMode mode, String token,
      Long runId, boolean completed) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + Schema.CHECKPOINTS
        + " SET token = ?, sync_mode = ?, version = version + 1, last_run_id = COALESCE(?, last_run_id),"
        + " updated_at = ?, completed_at = COALESCE(?, completed_at)"
        + " WHERE tenant = ? AND resource = ? AND version = ?")) {
      ps.setString(1, token);
      ps.setString(2, mode.name());
      if (runId == null) {
        ps.setNull(3, Types.BIGINT);
      } else {
        ps.setLong(3, runId);
      }
      OffsetDateTime now = now();
      setTime(ps, 4, now);
      setTime(ps, 5, completed ? now : null);
      ps.setLong(6, tenant);
      ps.setString(7, expected.resource());
      ps.setLong(8, expected.version());
      if (ps.executeUpdate() != 1) {
        throw new ReplicaException("the checkpoint of " + expected.resource() + " for tenant "
            + tenant + " moved while this sync was writing: another process is syncing it;"
            + " this batch was rolled back");
      }
    }
  }

  // ------------------------------------------------------------------ runs

  long startRun() throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("INSERT INTO " + Schema.RUNS
            + " (tenant, started_at, status, inserted, updated, deleted) VALUES (?, ?, 'RUNNING', 0, 0, 0)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, tenant);
      setTime(ps, 2, now());
      ps.executeUpdate();
      long id;
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new ReplicaException("the database returned no run id");
        }
        id = keys.getLong(1);
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
      return id;
    }
  }

  void finishRun(long runId, String status, long inserted, long updated, long deleted)
      throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("UPDATE " + Schema.RUNS
            + " SET finished_at = ?, status = ?, inserted = ?, updated = ?, deleted = ? WHERE run_id = ?")) {
      setTime(ps, 1, now());
      ps.setString(2, status);
      ps.setLong(3, inserted);
      ps.setLong(4, updated);
      ps.setLong(5, deleted);
      ps.setLong(6, runId);
      ps.executeUpdate();
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  // ------------------------------------------------------------------ batch writes

  /** The stored state of one record, as far as change detection needs it. */
  private record Stored(boolean active, boolean deleted, long hash) { }

  /** What a batch write did. */
  record Written(long inserted, long updated, long deleted, long unchanged, boolean wrote,
      Checkpoint checkpoint) { }

  /** Supplies the run id the first time a batch has something to write. */
  interface RunIds {
    long get() throws SQLException;
  }

  /**
   * Stores one batch: compares every record with the stored copy, inserts new ids, updates
   * changed ones, journals each change and moves the checkpoint to {@code token}, all in one
   * transaction. A batch with no change and an unmoved token writes nothing. Ids that
   * {@code fresh} knows are not stored are not looked up (and are added to it once inserted).
   */
  Written writeBatch(ResourceTable<?, ?> t, List<RecordCodec.Row> batch, Checkpoint expected,
      SyncMode mode, String token, boolean completes, RunIds runs, NewIds fresh)
      throws SQLException {
    Map<Object, RecordCodec.Row> rows = new LinkedHashMap<>();
    for (RecordCodec.Row r : batch) {
      rows.remove(r.id()); // the later copy in server order wins, at its later position
      rows.put(r.id(), r);
    }
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try {
        List<Object> maybeStored = new ArrayList<>(rows.size());
        for (Object id : rows.keySet()) {
          if (!fresh.certainlyAbsent(id)) {
            maybeStored.add(id);
          }
        }
        Map<Object, Stored> stored = load(c, t, maybeStored);
        List<RecordCodec.Row> inserts = new ArrayList<>();
        List<RecordCodec.Row> updates = new ArrayList<>();
        List<ChangeKind> updateKinds = new ArrayList<>();
        long unchanged = 0;
        for (RecordCodec.Row r : rows.values()) {
          Stored s = stored.get(r.id());
          if (s == null) {
            inserts.add(r);
          } else if (!s.deleted() && s.hash() == r.hash() && s.active() == r.active()) {
            unchanged++;
          } else {
            updates.add(r);
            updateKinds.add(kind(s, r));
          }
        }
        boolean tokenMoves = !java.util.Objects.equals(token, expected.token());
        if (inserts.isEmpty() && updates.isEmpty() && !tokenMoves) {
          c.rollback();
          c.setAutoCommit(true);
          return new Written(0, 0, 0, unchanged, false, expected);
        }
        Long runId = inserts.isEmpty() && updates.isEmpty() ? null : runs.get();
        OffsetDateTime now = now();
        long inserted = inserts.size();
        long updated = 0;
        long deleted = 0;
        if (!inserts.isEmpty()) {
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t.table
              + " (tenant, id, modified_on, active, deleted, record_hash, record_json, synced_run, synced_at)"
              + " VALUES (?, ?, ?, ?, FALSE, ?, " + t.jsonParameter + ", ?, ?)")) {
            for (RecordCodec.Row r : inserts) {
              ps.setLong(1, tenant);
              setId(ps, 2, r.id());
              setTime(ps, 3, odt(r.modifiedOn()));
              ps.setBoolean(4, r.active());
              ps.setLong(5, r.hash());
              ps.setString(6, r.json());
              ps.setLong(7, runId);
              setTime(ps, 8, now);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          for (RecordCodec.Row r : inserts) {
            fresh.written(r.id());
          }
        }
        if (!updates.isEmpty()) {
          try (PreparedStatement ps = c.prepareStatement("UPDATE " + t.table
              + " SET modified_on = ?, active = ?, deleted = FALSE, record_hash = ?, record_json = "
              + t.jsonParameter + ", synced_run = ?, synced_at = ? WHERE tenant = ? AND id = ?")) {
            for (RecordCodec.Row r : updates) {
              setTime(ps, 1, odt(r.modifiedOn()));
              ps.setBoolean(2, r.active());
              ps.setLong(3, r.hash());
              ps.setString(4, r.json());
              ps.setLong(5, runId);
              setTime(ps, 6, now);
              ps.setLong(7, tenant);
              setId(ps, 8, r.id());
              ps.addBatch();
            }
            ps.executeBatch();
          }
        }
        if (runId != null) {
          try (PreparedStatement ps = journal(c)) {
            for (RecordCodec.Row r : inserts) {
              addJournal(ps, runId, t.resource, r.idText(), ChangeKind.INSERTED, r.modifiedOn());
            }
            for (int i = 0; i < updates.size(); i++) {
              ChangeKind k = updateKinds.get(i);
              if (k == ChangeKind.DELETED) {
                deleted++;
              } else if (k == ChangeKind.INSERTED) {
                inserted++;
              } else {
                updated++;
              }
              addJournal(ps, runId, t.resource, updates.get(i).idText(), k, updates.get(i).modifiedOn());
            }
            ps.executeBatch();
          }
        }
        advance(c, expected, mode, token, runId, completes);
        c.commit();
        c.setAutoCommit(true);
        return new Written(inserted, updated, deleted, unchanged, true,
            new Checkpoint(expected.resource(), mode, token, expected.version() + 1,
                completes ? Optional.of(now.toInstant()) : expected.completedAt()));
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      }
    }
  }

  /**
   * What tells ids of this sync of {@code t} that are not stored yet without a lookup: the
   * largest id the tenant's table holds now (deleted rows included), for integral ids.
   */
  NewIds newIds(ResourceTable<?, ?> t) throws SQLException {
    if (!t.codec.integralId()) {
      return NewIds.NONE;
    }
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM " + t.table
            + " WHERE tenant = ?")) {
      ps.setLong(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return NewIds.NONE;
        }
        long max = rs.getLong(1);
        return NewIds.above(rs.wasNull() ? Long.MIN_VALUE : max);
      }
    }
  }

  /** The journal kind of an update of {@code s} to {@code r}. */
  private static ChangeKind kind(Stored s, RecordCodec.Row r) {
    if (s.deleted()) {
      return ChangeKind.INSERTED; // it had vanished and is back
    }
    if (s.active() && !r.active()) {
      return ChangeKind.DELETED;
    }
    return ChangeKind.UPDATED;
  }

  /** A vanished record of a full scan: its id and last known {@code modifiedOn}. */
  record Vanished(Object id, Instant modifiedOn) { }

  /** Ids stored for this tenant, not deleted, that {@code seen} does not hold. */
  List<Vanished> vanished(ResourceTable<?, ?> t, IdSet seen) throws SQLException {
    List<Vanished> out = new ArrayList<>();
    try (Connection c = connect()) {
      c.setAutoCommit(false); // lets PostgreSQL stream with a cursor
      try (PreparedStatement ps = c.prepareStatement("SELECT id, modified_on FROM " + t.table
          + " WHERE tenant = ? AND deleted = FALSE")) {
        ps.setFetchSize(5000);
        ps.setLong(1, tenant);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Object id = t.codec.integralId() ? (Object) rs.getLong(1) : rs.getString(1);
            if (!seen.contains(id)) {
              OffsetDateTime m = rs.getObject(2, OffsetDateTime.class);
              out.add(new Vanished(id, m == null ? null : m.toInstant()));
            }
          }
        }
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
    return out;
  }

  /** Marks {@code ids} deleted and journals them, moving the checkpoint, in one transaction. */
  long markDeleted(ResourceTable<?, ?> t, List<Vanished> ids, Checkpoint expected,
      boolean completes, RunIds runs) throws SQLException {
    long runId = runs.get();
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try {
        OffsetDateTime now = now();
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + t.table
            + " SET deleted = TRUE, synced_run = ?, synced_at = ? WHERE tenant = ? AND id = ?");
            PreparedStatement j = journal(c)) {
          for (Vanished v : ids) {
            ps.setLong(1, runId);
            setTime(ps, 2, now);
            ps.setLong(3, tenant);
            setId(ps, 4, v.id());
            ps.addBatch();
            addJournal(j, runId, t.resource, v.id().toString(), ChangeKind.DELETED, v.modifiedOn());
          }
          ps.executeBatch();
          j.executeBatch();
        }
        advance(c, expected, SyncMode.FULL_SCAN, null, runId, completes);
        c.commit();
        c.setAutoCommit(true);
        return ids.size();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      }
    }
  }

  private PreparedStatement journal(Connection c) throws SQLException {
    return c.prepareStatement("INSERT INTO " + Schema.JOURNAL
        + " (run_id, tenant, resource, record_id, change_kind, modified_on) VALUES (?, ?, ?, ?, ?, ?)");
  }

  private void addJournal(PreparedStatement ps, long runId, String resource, String id,
      ChangeKind kind, Instant modifiedOn) throws SQLException {
    ps.setLong(1, runId);
    ps.setLong(2, tenant);
    ps.setString(3, resource);
    ps.setString(4, id);
    ps.setString(5, kind.name());
    setTime(ps, 6, odt(modifiedOn));
    ps.addBatch();
  }

  private Map<Object, Stored> load(Connection c, ResourceTable<?, ?> t, List<Object> ids)
      throws SQLException {
    Map<Object, Stored> out = new HashMap<>();
    if (!dialect.inListLookup()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT active, deleted, record_hash FROM "
          + t.table + " WHERE tenant = ? AND id = ?")) {
        ps.setLong(1, tenant);
        for (Object id : ids) {
          setId(ps, 2, id);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              out.put(id, new Stored(rs.getBoolean(1), rs.getBoolean(2), rs.getLong(3)));
            }
          }
        }
      }
      return out;
    }
    for (int from = 0; from < ids.size(); from += IN_CHUNK) {
      List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
      StringBuilder sql = new StringBuilder("SELECT id, active, deleted, record_hash FROM ")
          .append(t.table).append(" WHERE tenant = ? AND id IN (");
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
      }
      sql.append(')');
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        ps.setLong(1, tenant);
        for (int i = 0; i < chunk.size(); i++) {
          setId(ps, i + 2, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Object id = t.codec.integralId() ? (Object) rs.getLong(1) : rs.getString(1);
            out.put(id, new Stored(rs.getBoolean(2), rs.getBoolean(3), rs.getLong(4)));
          }
        }
      }
    }
    return out;
  }

  static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
      c.setAutoCommit(true);
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
