package dev.titanj.testing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * What the fake server knows about one resource: where it lives ({@code module} + collection
 * path), which operations it answers (list, get by id, export feed, create, update), how
 * {@code active} is filtered, which extra filters and sort fields it honours, and which table
 * holds its records. Specs are registered in a {@link ResourceRegistry}; curated ones come with
 * seeded data, generic ones (registered from generated operation manifests) with synthesized data.
 */
public final class ResourceSpec {
  /** How a list endpoint filters on activity. */
  public enum ActiveMode {
    /** {@code active=True|Any|False}, default True. */
    ACTIVE,
    /** {@code activeState=ActiveOnly|InactiveOnly|All}, default ActiveOnly. */
    ACTIVE_STATE,
    /** No activity filter. */
    NONE
  }

  /**
   * How a collection GET answers: a paged envelope, a bare array paged by {@code page} and
   * {@code pageSize}, a whole bare array, or a single object.
   */
  public enum Shape { PAGED, ARRAY_PAGED, ARRAY, SINGLE }

  /** A query filter: does the record match the (raw) parameter value? */
  @FunctionalInterface
  public interface Filter extends BiPredicate<Table.Row, String> {}

  final String module;
  final String path;
  final String table;
  final boolean list;
  final boolean get;
  final boolean export;
  final boolean create;
  final boolean update;
  final ActiveMode activeMode;
  final Map<String, Filter> filters;
  final Set<String> sortFields;
  final BiConsumer<FakeStore, Table.Row> afterCreate;
  final Shape shape;

  private ResourceSpec(Builder b) {
    this.shape = b.shape;
    this.module = b.module;
    this.path = b.path;
    this.table = b.table == null ? b.module + "/" + b.path : b.table;
    this.list = b.list;
    this.get = b.get;
    this.export = b.export;
    this.create = b.create;
    this.update = b.update;
    this.activeMode = b.activeMode;
    this.filters = Map.copyOf(b.filters);
    this.sortFields = Set.copyOf(b.sortFields);
    this.afterCreate = b.afterCreate;
  }

  public static Builder builder(String module, String path) {
    return new Builder(module, path);
  }

  public String module() {
    return module;
  }

  public String path() {
    return path;
  }

  /** The table key, {@code module/path} unless shared. */
  public String table() {
    return table;
  }

  public boolean hasList() {
    return list;
  }

  public boolean hasGet() {
    return get;
  }

  public boolean hasExport() {
    return export;
  }

  public Shape shape() {
    return shape;
  }

  /** Whether the path has {@code {placeholder}} segments. */
  public boolean templated() {
    return path.contains("{");
  }

  public boolean canCreate() {
    return create;
  }

  public boolean canUpdate() {
    return update;
  }

  @Override
  public String toString() {
    return "ResourceSpec{" + module + "/" + path + "}";
  }

  /** Builds a {@link ResourceSpec}. */
  public static final class Builder {
    private final String module;
    private final String path;
    private String table;
    private boolean list = true;
    private boolean get;
    private boolean export;
    private boolean create;
    private boolean update;
    private ActiveMode activeMode = ActiveMode.ACTIVE;
    private final Map<String, Filter> filters = new LinkedHashMap<>();
    private final Set<String> sortFields = new LinkedHashSet<>(List.of("id", "createdon", "modifiedon"));
    private BiConsumer<FakeStore, Table.Row> afterCreate = (s, r) -> { };
    private Shape shape = Shape.PAGED;

    private Builder(String module, String path) {
      this.module = Objects.requireNonNull(module, "module");
      this.path = Objects.requireNonNull(path, "path");
    }

    public Builder table(String table) {
      this.table = table;
      return this;
    }

    public Builder list(boolean on) {
      this.list = on;
      return this;
    }

    public Builder get(boolean on) {
      this.get = on;
      return this;
    }

    public Builder export(boolean on) {
      this.export = on;
      return this;
    }

    public Builder writable(boolean create, boolean update) {
      this.create = create;
      this.update = update;
      return this;
    }

    public Builder shape(Shape shape) {
      this.shape = shape;
      return this;
    }

    public Builder activeMode(ActiveMode mode) {
      this.activeMode = mode;
      return this;
    }

    public Builder sortBy(String... fields) {
      for (String f : fields) {
        sortFields.add(f.toLowerCase(Locale.ROOT));
      }
      return this;
    }

    public Builder filter(String param, Filter filter) {
      filters.put(param, filter);
      return this;
    }

    /** {@code param} equals the number at {@code jsonPath} (dotted, e.g. {@code customer.id}). */
    public Builder longFilter(String param, String jsonPath) {
      return filter(param, (row, v) -> {
        Object x = ResourceSpec.at(row.json, jsonPath);
        return x != null && x.toString().equals(v.trim());
      });
    }

    /** {@code param} is a comma-separated list of numbers, one of which is at {@code jsonPath}. */
    public Builder csvFilter(String param, String jsonPath) {
      return filter(param, (row, v) -> {
        Set<String> wanted = csv(v);
        for (Object x : ResourceSpec.all(row.json, jsonPath)) {
          if (x != null && wanted.contains(x.toString())) {
            return true;
          }
        }
        return false;
      });
    }

    /** Case-insensitive "contains" on the string at {@code jsonPath}. */
    public Builder containsFilter(String param, String jsonPath) {
      return filter(param, (row, v) -> {
        Object x = ResourceSpec.at(row.json, jsonPath);
        return x != null && x.toString().toLowerCase(Locale.ROOT)
            .contains(v.toLowerCase(Locale.ROOT));
      });
    }

    /** Exact (case-insensitive) match on the string at {@code jsonPath}. */
    public Builder equalsFilter(String param, String jsonPath) {
      return filter(param, (row, v) -> {
        Object x = ResourceSpec.at(row.json, jsonPath);
        return x != null && x.toString().equalsIgnoreCase(v);
      });
    }

    public Builder afterCreate(BiConsumer<FakeStore, Table.Row> hook) {
      this.afterCreate = hook;
      return this;
    }

    public ResourceSpec build() {
      return new ResourceSpec(this);
    }
  }

  static Set<String> csv(String v) {
    Set<String> out = new LinkedHashSet<>();
    for (String s : v.split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  /** The value at a dotted path, or null. */
  @SuppressWarnings("unchecked")
  static Object at(Map<String, Object> json, String path) {
    Object cur = json;
    for (String part : path.split("\\.")) {
      if (!(cur instanceof Map)) {
        return null;
      }
      cur = ((Map<String, Object>) cur).get(part);
    }
    return cur;
  }

  /** Every value at a dotted path, descending into lists. */
  @SuppressWarnings("unchecked")
  static List<Object> all(Object node, String path) {
    List<Object> out = new ArrayList<>();
    collect(node, path.split("\\."), 0, out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void collect(Object node, String[] parts, int i, List<Object> out) {
    if (node instanceof List) {
      for (Object o : (List<Object>) node) {
        collect(o, parts, i, out);
      }
      return;
    }
    if (i == parts.length) {
      out.add(node);
      return;
    }
    if (node instanceof Map) {
      collect(((Map<String, Object>) node).get(parts[i]), parts, i + 1, out);
    }
  }
}
