package dev.titanj.replica;

import dev.titanj.core.Active;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An immutable query over the local copy of one resource, in id order. Every step returns a new
 * query; {@link #stream()}, {@link #toList()}, {@link #first()} and {@link #count()} read the
 * database. By default it returns every record the API would return with {@code active=Any}
 * (active and inactive) and leaves out records that vanished from a full list.
 *
 * <pre>{@code
 * try (Stream<Customer> s = replica.query(Crm.CUSTOMERS)
 *     .active(Active.TRUE)
 *     .modifiedOnOrAfter(Instant.parse("2025-01-01T00:00:00Z"))
 *     .stream()) {
 *   s.forEach(sink::write);
 * }
 * }</pre>
 *
 * @param <T> the record type
 * @param <K> the id type
 */
@com.google.errorprone.annotations.CheckReturnValue
public final class ReplicaQuery<T, K> {
  /** Most ids one {@link #ids(Collection)} filter takes. */
  public static final int MAX_IDS = 1000;
  private static final int FETCH_SIZE = 1000;

  private final ResourceTable<T, K> table;
  private final Store store;
  private final Active active;
  private final boolean includeDeleted;
  private final Instant modifiedOnOrAfter;
  private final Instant modifiedBefore;
  private final List<Object> ids;
  private final long limit;

  ReplicaQuery(ResourceTable<T, K> table, Store store) {
    this(table, store, Active.ANY, false, null, null, null, Long.MAX_VALUE);
  }

  private ReplicaQuery(ResourceTable<T, K> table, Store store, Active active,
      boolean includeDeleted, Instant modifiedOnOrAfter, Instant modifiedBefore, List<Object> ids,
      long limit) {
    this.table = table;
    this.store = store;
    this.active = active;
    this.includeDeleted = includeDeleted;
    this.modifiedOnOrAfter = modifiedOnOrAfter;
    this.modifiedBefore = modifiedBefore;
    this.ids = ids;
    this.limit = limit;
  }

  /** Only active records ({@link Active#TRUE}), only inactive ones, or both (the default). */
  public ReplicaQuery<T, K> active(Active active) {
    if (active == null || active == Active.UNKNOWN) {
      throw new IllegalArgumentException("active must be TRUE, FALSE or ANY, was " + active);
    }
    return new ReplicaQuery<>(table, store, active, includeDeleted, modifiedOnOrAfter,
        modifiedBefore, ids, limit);
  }

  /** Whether records that vanished from a full list are returned too (default false). */
  public ReplicaQuery<T, K> includeDeleted(boolean include) {
    return new ReplicaQuery<>(table, store, active, include, modifiedOnOrAfter, modifiedBefore,
        ids, limit);
  }

  /** Records whose {@code modifiedOn} is at or after {@code instant}. */
  public ReplicaQuery<T, K> modifiedOnOrAfter(Instant instant) {
    return new ReplicaQuery<>(table, store, active, includeDeleted,
        Objects.requireNonNull(instant, "modifiedOnOrAfter"), modifiedBefore, ids, limit);
  }

  /** Records whose {@code modifiedOn} is before {@code instant}. */
  public ReplicaQuery<T, K> modifiedBefore(Instant instant) {
    return new ReplicaQuery<>(table, store, active, includeDeleted, modifiedOnOrAfter,
        Objects.requireNonNull(instant, "modifiedBefore"), ids, limit);
  }

  /** Records with these ids (1 to {@link #MAX_IDS}). */
  public ReplicaQuery<T, K> ids(Collection<K> ids) {
    if (ids == null || ids.isEmpty()) {
      throw new IllegalArgumentException("ids must not be empty");
    }
    if (ids.size() > MAX_IDS) {
      throw new IllegalArgumentException("ids takes at most " + MAX_IDS + " ids, got " + ids.size());
    }
    List<Object> columnIds = new ArrayList<>(ids.size());
    for (K id : ids) {
      columnIds.add(table.codec.columnId(id));
    }
    return new ReplicaQuery<>(table, store, active, includeDeleted, modifiedOnOrAfter,
        modifiedBefore, List.copyOf(columnIds), limit);
  }

  /** At most {@code limit} records. */
  public ReplicaQuery<T, K> limit(long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    return new ReplicaQuery<>(table, store, active, includeDeleted, modifiedOnOrAfter,
        modifiedBefore, ids, limit);
  }

  private String where(List<Object> params) {
    StringBuilder w = new StringBuilder(" WHERE tenant = ?");
    params.add(store.tenant);
    if (!includeDeleted) {
      w.append(" AND deleted = FALSE");
    }
    if (active == Active.TRUE) {
      w.append(" AND active = TRUE");
    } else if (active == Active.FALSE) {
      w.append(" AND active = FALSE");
    }
    if (modifiedOnOrAfter != null) {
      w.append(" AND modified_on >= ?");
      params.add(Store.odt(modifiedOnOrAfter));
    }
    if (modifiedBefore != null) {
      w.append(" AND modified_on < ?");
      params.add(Store.odt(modifiedBefore));
    }
    if (ids != null) {
      w.append(" AND id IN (").append(ids.stream().map(i -> "?").collect(Collectors.joining(", ")))
          .append(')');
      params.addAll(ids);
    }
    return w.toString();
  }

  private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      if (p instanceof java.time.OffsetDateTime) {
        ps.setObject(i + 1, p);
      } else {
        Store.setId(ps, i + 1, p);
      }
    }
  }

  /** The number of matching records (at most the limit). */
  public long count() {
    List<Object> params = new ArrayList<>();
    String sql = "SELECT COUNT(*) FROM " + table.table + where(params);
    try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return Math.min(limit, rs.getLong(1));
      }
    } catch (SQLException e) {
      throw new ReplicaException("could not count " + table.resource, e);
    }
  }

  /** The first matching record in id order. */
  public Optional<T> first() {
    try (Stream<T> s = limit(1).stream()) {
      return s.findFirst();
    }
  }

  /** Every matching record in a list; prefer {@link #stream()} for large results. */
  public List<T> toList() {
    try (Stream<T> s = stream()) {
      return s.collect(Collectors.toList());
    }
  }

  /**
   * The matching records in id order, read lazily from a database cursor (1,000
   * rows at a time). The stream holds a connection until it is read to its end or closed: use
   * try-with-resources.
   */
  public Stream<T> stream() {
    List<Object> params = new ArrayList<>();
    String sql = "SELECT record_json FROM " + table.table + where(params) + " ORDER BY id";
    Connection c = null;
    try {
      c = store.connect();
      c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
      PreparedStatement ps = c.prepareStatement(sql);
      ps.setFetchSize(FETCH_SIZE);
      if (limit != Long.MAX_VALUE) {
        ps.setMaxRows((int) Math.min(Integer.MAX_VALUE, limit));
      }
      bind(ps, params);
      ResultSet rs = ps.executeQuery();
      Cursor cursor = new Cursor(c, ps, rs);
      return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor,
          Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(cursor::close);
    } catch (SQLException e) {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException s) {
          e.addSuppressed(s);
        }
      }
      throw new ReplicaException("could not read " + table.resource, e);
    }
  }

  private final class Cursor implements Iterator<T> {
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private Boolean hasRow;
    private boolean closed;

    Cursor(Connection connection, PreparedStatement statement, ResultSet rows) {
      this.connection = connection;
      this.statement = statement;
      this.rows = rows;
    }

    @Override
    public boolean hasNext() {
      if (closed) {
        return false;
      }
      if (hasRow == null) {
        try {
          hasRow = rows.next();
        } catch (SQLException e) {
          close();
          throw new ReplicaException("could not read " + table.resource, e);
        }
        if (!hasRow) {
          close();
        }
      }
      return hasRow;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      hasRow = null;
      try {
        return table.codec.decode(rows.getString(1));
      } catch (SQLException e) {
        close();
        throw new ReplicaException("could not read " + table.resource, e);
      }
    }

    void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        rows.close();
        statement.close();
        connection.rollback();
        connection.setAutoCommit(true); // a pooled connection goes back as it came
      } catch (SQLException e) {
        // reading only: nothing to lose
      } finally {
        try {
          connection.close();
        } catch (SQLException e) {
          // already gone
        }
      }
    }
  }

  @Override
  public String toString() {
    return "ReplicaQuery{" + table.resource + ", active=" + active
        + (includeDeleted ? ", includeDeleted" : "")
        + (modifiedOnOrAfter == null ? "" : ", modifiedOnOrAfter=" + modifiedOnOrAfter)
        + (modifiedBefore == null ? "" : ", modifiedBefore=" + modifiedBefore)
        + (ids == null ? "" : ", " + ids.size() + " ids")
        + (limit == Long.MAX_VALUE ? "" : ", limit=" + limit) + "}";
  }
}
