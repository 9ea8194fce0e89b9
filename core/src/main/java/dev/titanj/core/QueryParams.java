package dev.titanj.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The filter parameters of a list query, already in wire form: an immutable, ordered multimap of
 * parameter name to values. A name with several values is sent as a repeated key
 * ({@code statuses=A&statuses=B}); comma-separated parameters such as {@code ids} hold one joined
 * value. Paging parameters ({@code page}, {@code pageSize}, {@code includeTotal}) are not held here.
 */
public final class QueryParams {
  private static final QueryParams EMPTY = new QueryParams(Map.of());

  private final Map<String, List<String>> values;

  private QueryParams(Map<String, List<String>> values) {
    this.values = values;
  }

  /** No parameters. */
  public static QueryParams empty() {
    return EMPTY;
  }

  /** A copy with {@code name} set to one value, replacing earlier values; null removes it. */
  public QueryParams with(String name, String value) {
    return withAll(name, value == null ? List.of() : List.of(value));
  }

  /** A copy with {@code name} set to {@code values} (sent as a repeated key); empty removes it. */
  public QueryParams withAll(String name, List<String> newValues) {
    Objects.requireNonNull(name, "name");
    Map<String, List<String>> copy = new LinkedHashMap<>(values);
    if (newValues == null || newValues.isEmpty()) {
      copy.remove(name);
    } else {
      copy.put(name, List.copyOf(newValues));
    }
    return new QueryParams(Collections.unmodifiableMap(copy));
  }

  /** The first value of {@code name}, or null when absent. */
  public String first(String name) {
    List<String> v = values.get(name);
    return v == null ? null : v.get(0);
  }

  /** All values of {@code name}, or null when absent (Retrofit skips null query parameters). */
  public List<String> all(String name) {
    return values.get(name);
  }

  /** Single-valued parameters whose names are not in {@code known}: the escape-hatch extras. */
  public Map<String, String> others(Set<String> known) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (!known.contains(k)) {
        out.put(k, v.get(0));
      }
    });
    return out;
  }

  /** Every parameter in insertion order. */
  public Map<String, List<String>> asMap() {
    return values;
  }

  /** The parameters as {@code name=value} pairs (unencoded), in order, repeated keys repeated. */
  public List<String> pairs() {
    List<String> out = new ArrayList<>();
    values.forEach((k, vs) -> vs.forEach(v -> out.add(k + "=" + v)));
    return out;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QueryParams && ((QueryParams) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return String.join("&", pairs());
  }
}
