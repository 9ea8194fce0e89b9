package dev.titanj.cli.internal;

import dev.titanj.core.ListQuery;
import dev.titanj.core.Sort;
import dev.titanj.core.SortField;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Applies {@code name=value} filters and a {@code +Field} sort to a generated query, by
 * reflection over the public filter methods of the query's class (the class of what
 * {@code QueryRepository.query()} returns): every one-argument method that returns the query
 * itself, its own or a mixin's such as {@code ModifiedFilters.modifiedOnOrAfter}. Every problem of one command line is
 * collected into one {@link UsageException} that names the offending filters.
 */
public final class QueryBinder {
  private final String label;
  private final Map<String, List<Method>> filters = new TreeMap<>();
  private final Map<String, String> displayNames = new TreeMap<>();
  private final Method sortMethod;
  private final Class<?> sortFields;

  QueryBinder(String label, Class<?> queryClass) {
    this.label = label;
    Method sort = null;
    Class<?> sortEnum = null;
    for (Method m : queryClass.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == ListQuery.class
          || m.getDeclaringClass() == Object.class || m.isBridge() || m.isSynthetic()
          || !m.getReturnType().isAssignableFrom(queryClass) || m.getParameterCount() != 1) {
        continue;
      }
      Type param = m.getGenericParameterTypes()[0];
      if (m.getName().equals("sort") && m.getParameterTypes()[0] == Sort.class) {
        sort = m;
        sortEnum = sortEnum(param);
        continue;
      }
      if (!ValueConverter.supports(param)) {
        continue;
      }
      String key = normalize(m.getName());
      filters.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
      displayNames.put(key, m.getName());
    }
    // Scalars before collections, arrays last: "ids=1,2" works with either, "id=1" needs the scalar.
    filters.values().forEach(list -> list.sort(Comparator.comparingInt(QueryBinder::rank)
        .thenComparing(Method::toGenericString)));
    this.sortMethod = sort;
    this.sortFields = sortEnum;
  }

  private static int rank(Method m) {
    Class<?> p = m.getParameterTypes()[0];
    if (p.isArray()) {
      return 2;
    }
    return Collection.class.isAssignableFrom(p) ? 1 : 0;
  }

  private static Class<?> sortEnum(Type param) {
    if (param instanceof ParameterizedType) {
      Type arg = ((ParameterizedType) param).getActualTypeArguments()[0];
      Class<?> raw = ValueConverter.rawType(arg);
      if (raw.isEnum() && SortField.class.isAssignableFrom(raw)) {
        return raw;
      }
    }
    return null;
  }

  /** Lower case without dashes and underscores, so {@code modified-on-or-after} finds {@code modifiedOnOrAfter}. */
  static String normalize(String name) {
    return name.replace("-", "").replace("_", "").replace(".", "").toLowerCase(Locale.ROOT);
  }

  /** Filter names and the kind of value each takes, for help and error messages. */
  public Map<String, String> describeFilters() {
    Map<String, String> out = new LinkedHashMap<>();
    filters.forEach((key, methods) -> out.put(displayNames.get(key),
        ValueConverter.describe(methods.get(0).getGenericParameterTypes()[0])));
    return out;
  }

  /**
   * Whether {@code --sort} takes any field by name: the operation sorts but its spec lists no
   * fields, so its query takes {@code Sort<SortField.Named>}.
   */
  public boolean sortsByName() {
    return sortMethod != null && sortFields == null;
  }

  /**
   * The fields {@code --sort} accepts, by wire name; empty when the operation cannot sort or
   * takes any field by name ({@link #sortsByName()}).
   */
  public List<String> sortFields() {
    if (sortFields == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object c : sortFields.getEnumConstants()) {
      if (!((Enum<?>) c).name().equals("UNKNOWN")) {
        out.add(((SortField<?>) c).wireName());
      }
    }
    return out;
  }

  /**
   * Returns {@code query} with every filter and the sort applied.
   *
   * @param filters {@code name=value} strings
   * @param sort {@code +Field}, {@code -Field} or {@code Field}; null for none
   * @throws UsageException naming every unknown filter, unconvertible value and bad sort field
   */
  public ListQuery<?, ?> apply(ListQuery<?, ?> query, List<String> filters, String sort) {
    List<String> problems = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    Object q = query;
    for (String f : filters) {
      int eq = f.indexOf('=');
      if (eq <= 0) {
        problems.add("filter '" + f + "' must be written name=value");
        continue;
      }
      String name = f.substring(0, eq).trim();
      String value = f.substring(eq + 1);
      List<Method> candidates = this.filters.get(normalize(name));
      if (candidates == null) {
        unknown.add(name);
        continue;
      }
      Object next = null;
      String expected = null;
      for (Method m : candidates) {
        Object arg;
        try {
          arg = ValueConverter.convert(value, m.getGenericParameterTypes()[0]);
        } catch (ValueConverter.ConversionException e) {
          if (expected == null) {
            expected = e.getMessage();
          }
          continue;
        }
        try {
          next = m.invoke(q, arg);
          break;
        } catch (InvocationTargetException e) {
          Throwable cause = e.getCause();
          expected = cause instanceof IllegalArgumentException ? cause.getMessage()
              : String.valueOf(cause);
          next = null;
          break;
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
      if (next == null) {
        problems.add("filter '" + name + "': '" + value + "' is not valid (expected " + expected + ")");
      } else {
        q = next;
      }
    }
    if (!unknown.isEmpty()) {
      problems.add(0, "unknown filter" + (unknown.size() > 1 ? "s " : " ")
          + unknown.stream().map(u -> "'" + u + "'").collect(Collectors.joining(", "))
          + " for " + label + " (known: " + String.join(", ", displayNames.values()) + ")");
    }
    if (sort != null && !sort.isBlank()) {
      try {
        q = applySort(q, sort.trim());
      } catch (UsageException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("; ", problems));
    }
    return (ListQuery<?, ?>) q;
  }

  private Object applySort(Object q, String sort) {
    boolean ascending = !sort.startsWith("-");
    String field = sort.startsWith("-") || sort.startsWith("+") ? sort.substring(1) : sort;
    if (sortMethod == null) {
      throw new UsageException(label + " cannot be sorted (no sort parameter)");
    }
    if (sortFields == null) {
      try {
        SortField.Named named = SortField.named(field);
        return sortMethod.invoke(q, ascending ? named.ascending() : named.descending());
      } catch (IllegalArgumentException e) {
        throw new UsageException("sort '" + sort + "': " + e.getMessage());
      } catch (InvocationTargetException | IllegalAccessException ex) {
        throw new UsageException("sort '" + sort + "': " + ex.getCause());
      }
    }
    for (Object c : sortFields.getEnumConstants()) {
      Enum<?> e = (Enum<?>) c;
      if (e.name().equals("UNKNOWN")) {
        continue;
      }
      SortField<?> sf = (SortField<?>) c;
      if (sf.wireName().equalsIgnoreCase(field) || normalize(e.name()).equals(normalize(field))) {
        try {
          return sortMethod.invoke(q, ascending ? sf.ascending() : sf.descending());
        } catch (InvocationTargetException | IllegalAccessException ex) {
          throw new UsageException("sort '" + sort + "': " + ex.getCause());
        }
      }
    }
    throw new UsageException("unknown sort field '" + field + "' for " + label + " (known: "
        + String.join(", ", sortFields()) + ")");
  }
}
