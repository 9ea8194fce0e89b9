package dev.titanj.testing.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The in-memory dataset of the fake server: one {@link Table} per resource, a global change
 * sequence, and the list, get, export, create and update semantics the resource endpoints share.
 * Thread-safe: reads share a lock, writes take it exclusively.
 */
public final class FakeStore {
  /** Largest page size the API accepts. */
  public static final int MAX_PAGE_SIZE = 5000;
  private static final String TOKEN_PREFIX = "titanj-fake-export:";
  /** Key under which a synthesized scalar (not an object) is kept in a row. */
  public static final String SCALAR = "$value";

  private final Map<String, Table> tables = new ConcurrentHashMap<>();
  private final AtomicLong seq = new AtomicLong();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Clock clock;
  private volatile int exportBatchSize;

  public FakeStore(Clock clock, int exportBatchSize) {
    this.clock = clock;
    this.exportBatchSize = exportBatchSize;
  }

  public Clock clock() {
    return clock;
  }

  public void exportBatchSize(int size) {
    this.exportBatchSize = size;
  }

  /** The table named {@code name}, created empty with ids from {@code firstId} if absent. */
  public Table table(String name, long firstId) {
    return tables.computeIfAbsent(name, n -> new Table(n, firstId));
  }

  /** The table named {@code name}, or null. */
  public Table table(String name) {
    return tables.get(name);
  }

  public long nextSeq() {
    return seq.incrementAndGet();
  }

  /** Runs {@code work} under the shared (read) lock. */
  public <T> T read(Supplier<T> work) {
    lock.readLock().lock();
    try {
      return work.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs {@code work} under the exclusive (write) lock. */
  public <T> T write(Supplier<T> work) {
    lock.writeLock().lock();
    try {
      return work.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  // ---------------------------------------------------------------- list

  /** Answers a bare-array or single-object collection GET; call under {@link #read}. */
  public Object unpaged(ResourceSpec spec) {
    Table table = requireTable(spec);
    if (spec.shape == ResourceSpec.Shape.SINGLE) {
      return table.rows().isEmpty() ? Map.of() : served(table.rows().iterator().next());
    }
    List<Object> out = new ArrayList<>();
    table.rows().forEach(r -> out.add(served(r)));
    return out;
  }

  private static Object served(Table.Row row) {
    return row.json.containsKey(SCALAR) ? row.json.get(SCALAR) : row.json;
  }

  /** Answers a list request with the paged envelope; call under {@link #read}. */
  public Map<String, Object> list(ResourceSpec spec, Map<String, List<String>> query) {
    Table table = requireTable(spec);
    int page = intParam(query, "page", 1, 1, Integer.MAX_VALUE);
    int pageSize = intParam(query, "pageSize", 50, 1, MAX_PAGE_SIZE);
    boolean includeTotal = boolParam(query, "includeTotal");
    List<Table.Row> matching = select(spec, table, query);
    long from = (long) (page - 1) * pageSize;
    List<Object> data = new ArrayList<>();
    for (long i = from; i < Math.min(matching.size(), from + pageSize); i++) {
      data.add(matching.get((int) i).json);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("page", page);
    out.put("pageSize", pageSize);
    out.put("hasMore", from + pageSize < matching.size());
    out.put("totalCount", includeTotal ? (Object) matching.size() : null);
    out.put("data", data);
    return out;
  }

  /** The records matching the filters, sorted; call under {@link #read}. */
  public List<Table.Row> select(ResourceSpec spec, Table table, Map<String, List<String>> query) {
    Set<String> ids = null;
    String idsValue = first(query, "ids");
    if (idsValue != null && !idsValue.isBlank()) {
      ids = ResourceSpec.csv(idsValue);
      if (ids.size() > 50) {
        throw ApiError.badRequest("ids", "The field ids must contain at most 50 ids.");
      }
      for (String id : ids) {
        if (!id.matches("-?\\d+")) {
          throw ApiError.badRequest("ids", "The value '" + id + "' is not a valid id.");
        }
      }
    }
    Instant createdBefore = instantParam(query, "createdBefore");
    Instant createdOnOrAfter = instantParam(query, "createdOnOrAfter");
    Instant modifiedBefore = instantParam(query, "modifiedBefore");
    Instant modifiedOnOrAfter = instantParam(query, "modifiedOnOrAfter");
    Boolean active = activeFilter(spec, query);
    Comparator<Table.Row> order = order(spec, first(query, "sort"));
    List<Map.Entry<ResourceSpec.Filter, String>> extra = new ArrayList<>();
    spec.filters.forEach((name, f) -> {
      String v = first(query, name);
      if (v != null && !v.isEmpty()) {
        extra.add(Map.entry(f, v));
      }
    });

    List<Table.Row> out = new ArrayList<>();
    for (Table.Row row : table.rows()) {
      if (ids != null && !ids.contains(Long.toString(row.id))) {
        continue;
      }
      if (active != null && row.active() != active) {
        continue;
      }
      Instant c = row.createdOn();
      Instant m = row.modifiedOn();
      if (createdBefore != null && (c == null || !c.isBefore(createdBefore))) {
        continue;
      }
      if (createdOnOrAfter != null && (c == null || c.isBefore(createdOnOrAfter))) {
        continue;
      }
      if (modifiedBefore != null && (m == null || !m.isBefore(modifiedBefore))) {
        continue;
      }
      if (modifiedOnOrAfter != null && (m == null || m.isBefore(modifiedOnOrAfter))) {
        continue;
      }
      boolean ok = true;
      for (Map.Entry<ResourceSpec.Filter, String> f : extra) {
        if (!f.getKey().test(row, f.getValue())) {
          ok = false;
          break;
        }
      }
      if (ok) {
        out.add(row);
      }
    }
    if (order != null) {
      out.sort(order);
    }
    return out;
  }

  private static Boolean activeFilter(ResourceSpec spec, Map<String, List<String>> query) {
    switch (spec.activeMode) {
      case ACTIVE: {
        String v = first(query, "active");
        if (v == null || v.isEmpty() || v.equalsIgnoreCase("True")) {
          return Boolean.TRUE;
        }
        if (v.equalsIgnoreCase("Any")) {
          return null;
        }
        if (v.equalsIgnoreCase("False")) {
          return Boolean.FALSE;
        }
        throw ApiError.badRequest("active", "The value '" + v + "' is not valid for active.");
      }
      case ACTIVE_STATE: {
        String v = first(query, "activeState");
        if (v == null || v.isEmpty() || v.equalsIgnoreCase("ActiveOnly")) {
          return Boolean.TRUE;
        }
        if (v.equalsIgnoreCase("All")) {
          return null;
        }
        if (v.equalsIgnoreCase("InactiveOnly")) {
          return Boolean.FALSE;
        }
        throw ApiError.badRequest("activeState",
            "The value '" + v + "' is not valid for activeState.");
      }
      default:
        return null;
    }
  }

  private static Comparator<Table.Row> order(ResourceSpec spec, String sort) {
    if (sort == null || sort.isBlank()) {
      return null; // table order: ascending id
    }
    String s = sort.trim();
    boolean desc = s.startsWith("-");
    String field = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
    String key = field.toLowerCase(Locale.ROOT);
    if (!spec.sortFields.contains(key)) {
      throw ApiError.badRequest("sort", "The sort field '" + field + "' is not supported; use one of "
          + spec.sortFields + ".");
    }
    Comparator<Table.Row> c;
    switch (key) {
      case "id":
        c = Comparator.comparingLong(r -> r.id);
        break;
      case "createdon":
        c = Comparator.comparing(Table.Row::createdOn, Comparator.nullsFirst(Comparator.naturalOrder()));
        break;
      case "modifiedon":
        c = Comparator.comparing(Table.Row::modifiedOn, Comparator.nullsFirst(Comparator.naturalOrder()));
        break;
      default: {
        String name = field.substring(0, 1).toLowerCase(Locale.ROOT) + field.substring(1);
        c = Comparator.comparing(r -> {
          Object v = r.json.get(name);
          return v == null ? "" : v.toString().toLowerCase(Locale.ROOT);
        });
      }
    }
    c = c.thenComparingLong(r -> r.id);
    return desc ? c.reversed() : c;
  }

  /** One record by id (numeric, or a GUID compared as text), or a 404; call under {@link #read}. */
  public Map<String, Object> get(ResourceSpec spec, String id) {
    Table table = requireTable(spec);
    Table.Row row = null;
    if (id.matches("\\d{1,18}")) {
      row = table.get(Long.parseLong(id));
    } else {
      for (Table.Row r : table.rows()) {
        if (id.equalsIgnoreCase(String.valueOf(r.json.get("id")))) {
          row = r;
          break;
        }
      }
    }
    if (row == null) {
      throw ApiError.notFound(singular(spec.path) + " with id " + id + " was not found.");
    }
    return row.json;
  }

  // ---------------------------------------------------------------- export

  /** Answers an export request; call under {@link #read}. */
  public Map<String, Object> export(ResourceSpec spec, Map<String, List<String>> query) {
    Table table = requireTable(spec);
    String from = first(query, "from");
    long position = 0;
    if (from != null && !from.isBlank()) {
      position = decodePosition(table, from.trim());
    }
    List<Table.Change> log = table.log();
    int i = table.firstIndexAfter(position);
    List<Object> data = new ArrayList<>();
    long last = position;
    int size = exportBatchSize;
    for (; i < log.size() && data.size() < size; i++) {
      Table.Change c = log.get(i);
      last = c.seq;
      Table.Row row = table.get(c.id);
      if (row != null && row.lastSeq == c.seq) {
        data.add(row.json);
      }
    }
    if (log.isEmpty()) {
      last = Math.max(position, 0);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("hasMore", i < log.size());
    out.put("continueFrom", encodePosition(table, last));
    out.put("data", data);
    return out;
  }

  static String encodePosition(Table table, long position) {
    String raw = TOKEN_PREFIX + table.name() + ":" + position;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static long decodePosition(Table table, String from) {
    if (from.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
      Instant since;
      try {
        since = from.length() == 10 ? LocalDate.parse(from).atStartOfDay(ZoneOffset.UTC).toInstant()
            : parseInstant(from);
      } catch (DateTimeParseException e) {
        throw ApiError.badRequest("from", "The value '" + from + "' is not a valid date.");
      }
      return table.positionBefore(since);
    }
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(from), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("from", "The continuation token is not valid.");
    }
    String prefix = TOKEN_PREFIX + table.name() + ":";
    if (!raw.startsWith(prefix)) {
      throw ApiError.badRequest("from", "The continuation token is not valid for this export.");
    }
    try {
      return Long.parseLong(raw.substring(prefix.length()));
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("from", "The continuation token is not valid.");
    }
  }

  // ---------------------------------------------------------------- writes

  /** Creates a record from a request body; call under {@link #write}. */
  @SuppressWarnings("unchecked")
  public Table.Row create(ResourceSpec spec, Map<String, Object> body) {
    Table table = requireTable(spec);
    long id = table.nextId();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("active", true);
    for (Map.Entry<String, Object> e : body.entrySet()) {
      if (!e.getKey().equals("id")) {
        json.put(e.getKey(), Json.deepCopy(e.getValue()));
      }
    }
    String now = now();
    json.put("createdOn", now);
    json.put("modifiedOn", now);
    Table.Row row = table.put(id, json, nextSeq());
    spec.afterCreate.accept(this, row);
    return row;
  }

  /** Applies a partial update (PATCH) or a replacement (PUT); call under {@link #write}. */
  public Table.Row update(ResourceSpec spec, long id, Map<String, Object> body, boolean replace) {
    Table table = requireTable(spec);
    Table.Row row = table.get(id);
    if (row == null) {
      throw ApiError.notFound(singular(spec.path) + " with id " + id + " was not found.");
    }
    for (Map.Entry<String, Object> e : body.entrySet()) {
      String k = e.getKey();
      if (k.equals("id") || k.equals("createdOn") || k.equals("modifiedOn")) {
        continue;
      }
      row.json.put(k, replace ? Json.deepCopy(e.getValue()) : merge(row.json.get(k), e.getValue()));
    }
    row.json.put("modifiedOn", now());
    table.touch(row, nextSeq());
    return row;
  }

  /** Marks a record changed without altering its fields (e.g. after a child record changed). */
  public void touch(String tableName, long id) {
    Table t = tables.get(tableName);
    Table.Row row = t == null ? null : t.get(id);
    if (row != null) {
      row.json.put("modifiedOn", now());
      t.touch(row, nextSeq());
    }
  }

  @SuppressWarnings("unchecked")
  private static Object merge(Object old, Object patch) {
    if (old instanceof Map && patch instanceof Map) {
      Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) old);
      ((Map<String, Object>) patch).forEach((k, v) -> m.put(k, merge(m.get(k), v)));
      return m;
    }
    return Json.deepCopy(patch);
  }

  /** The server clock's current instant in the wire format. */
  public String now() {
    return clock.instant().toString();
  }

  // ---------------------------------------------------------------- helpers

  private Table requireTable(ResourceSpec spec) {
    Table t = tables.get(spec.table);
    if (t == null) {
      throw ApiError.notFound("No data for " + spec.module + "/" + spec.path);
    }
    return t;
  }

  static String singular(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.endsWith("s") ? last.substring(0, last.length() - 1) : last;
  }

  static String first(Map<String, List<String>> query, String name) {
    List<String> v = query.get(name);
    if (v == null) {
      for (Map.Entry<String, List<String>> e : query.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          v = e.getValue();
          break;
        }
      }
    }
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static int intParam(Map<String, List<String>> q, String name, int dflt, int min, int max) {
    String v = first(q, name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    int n;
    try {
      n = Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(name, "The value '" + v + "' is not valid for " + name + ".");
    }
    if (n < min || n > max) {
      throw ApiError.badRequest(name, "The field " + name + " must be between " + min + " and "
          + max + ".");
    }
    return n;
  }

  private static boolean boolParam(Map<String, List<String>> q, String name) {
    String v = first(q, name);
    if (v == null || v.isBlank()) {
      return false;
    }
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw ApiError.badRequest(name, "The value '" + v + "' is not valid for " + name + ".");
  }

  private static Instant instantParam(Map<String, List<String>> q, String name) {
    String v = first(q, name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return parseInstant(v.trim());
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(name, "The value '" + v + "' is not a valid date-time.");
    }
  }

  static Instant parseInstant(String v) {
    if (v.length() == 10) {
      return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      return java.time.LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
    }
  }
}
