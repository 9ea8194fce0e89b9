package dev.titanj.testing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The records of one resource of the fake server, keyed by id, plus its modification log (the
 * order in which records were created or changed), which export feeds walk. Not thread-safe on
 * its own: {@link FakeStore} guards every table with one read-write lock.
 */
public final class Table {
  /** One record: its JSON (field order as served) and the bookkeeping the filters use. */
  public static final class Row {
    public final long id;
    public final Map<String, Object> json;
    long lastSeq;
    private Instant createdOn;
    private Instant modifiedOn;

    Row(long id, Map<String, Object> json) {
      this.id = id;
      this.json = json;
      refresh();
    }

    /** Re-reads the timestamps from the JSON after it changed. */
    void refresh() {
      createdOn = instant(json.get("createdOn"));
      Instant m = instant(json.get("modifiedOn"));
      modifiedOn = m != null ? m : createdOn;
    }

    public Instant createdOn() {
      return createdOn;
    }

    public Instant modifiedOn() {
      return modifiedOn;
    }

    /** Whether the record counts as active: its {@code active} field, true when absent. */
    public boolean active() {
      Object a = json.get("active");
      return !(a instanceof Boolean) || (Boolean) a;
    }

    static Instant instant(Object v) {
      if (v == null) {
        return null;
      }
      try {
        return Instant.parse(v.toString());
      } catch (RuntimeException e) {
        return null;
      }
    }
  }

  /** One entry of the modification log. */
  static final class Change {
    final long seq;
    final long id;
    final Instant at;

    Change(long seq, long id, Instant at) {
      this.seq = seq;
      this.id = id;
      this.at = at;
    }
  }

  private final String name;
  private final TreeMap<Long, Row> rows = new TreeMap<>();
  private final List<Change> log = new ArrayList<>();
  private long nextId;

  Table(String name, long firstId) {
    this.name = name;
    this.nextId = firstId;
  }

  public String name() {
    return name;
  }

  public Row get(long id) {
    return rows.get(id);
  }

  public Collection<Row> rows() {
    return rows.values();
  }

  public int size() {
    return rows.size();
  }

  /** Reserves the next id of this table. */
  public long nextId() {
    return nextId++;
  }

  /** Adds or replaces a record and appends it to the modification log. */
  public Row put(long id, Map<String, Object> json, long seq) {
    Row row = new Row(id, json);
    rows.put(id, row);
    if (id >= nextId) {
      nextId = id + 1;
    }
    touch(row, seq);
    return row;
  }

  /** Appends a change of {@code row} to the modification log. */
  void touch(Row row, long seq) {
    row.refresh();
    row.lastSeq = seq;
    log.add(new Change(seq, row.id, row.modifiedOn()));
  }

  List<Change> log() {
    return log;
  }

  /** Position in the log just before the first change at or after {@code since}. */
  long positionBefore(Instant since) {
    for (Change c : log) {
      if (!c.at.isBefore(since)) {
        return c.seq - 1;
      }
    }
    return log.isEmpty() ? 0 : log.get(log.size() - 1).seq;
  }

  /** Index of the first log entry with a sequence number above {@code seq}. */
  int firstIndexAfter(long seq) {
    int lo = 0;
    int hi = log.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (log.get(mid).seq <= seq) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
