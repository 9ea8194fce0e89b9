package dev.titanj.core;

import dev.titanj.core.internal.Paging;
import dev.titanj.core.spi.QueryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An immutable fluent query over one list operation. Every intermediate step returns a new
 * query; the terminals ({@link #stream()}, {@link #iterator()}, {@link #page(int)},
 * {@link #first()}, {@link #count()}) make the HTTP calls. Generated subclasses add one typed
 * method per filter the endpoint declares.
 *
 * <p>Streaming rules: pages are requested in order at a fixed page size ({@link #pageSize(int)}
 * when set; otherwise the endpoint's maximum, {@link #maxPageSize()}, but no more than the
 * {@link #limit(long)}, so an unbounded stream reads a tenant in the fewest requests); paging
 * stops at the first page that says {@code hasMore=false} or is empty (for lists the API answers
 * with a bare array: the first page with fewer than {@code pageSize} records), and never requests
 * a page past the one that reaches {@link #limit(long)}. A page that repeats the previous one
 * record for record fails the stream with a {@link TitanException} instead of looping. When the
 * first page reports the total, up to {@link #parallelism(int)} later pages (4 by default, the
 * client's {@code pagingParallelism}) are in flight at once, within the client's rate limit, and
 * handed out in order, so at most parallelism + 1 pages are in memory; without a total, page
 * n+1 is prefetched while page n is consumed. {@code prefetch(false)} turns both off. A page that fails
 * transiently (I/O, 5xx, 429, after the HTTP layer's own retries) is requested again with the
 * same number, up to three times, so a stream never skips or repeats a record. Closing the
 * stream cancels the prefetch. {@link #page(int)}, {@link #first()} and {@link #count()} make
 * exactly one request each.
 *
 * @param <T> the record type
 * @param <Q> the concrete query type, returned by every step
 */
@com.google.errorprone.annotations.CheckReturnValue
public abstract class ListQuery<T, Q extends ListQuery<T, Q>> implements Iterable<T> {
  /**
   * Most ids one id-list filter may carry: {@code ids} and every filter whose name ends in
   * {@code Ids} ({@code businessUnitIds}, {@code customerIds}, ...), whatever its wire form.
   */
  public static final int MAX_IDS = 50;

  private final QueryState<T> state;

  protected ListQuery(QueryState<T> state) {
    this.state = Objects.requireNonNull(state, "state");
  }

  /** Returns a query of the concrete type holding {@code newState}. */
  protected abstract Q withState(QueryState<T> newState);

  /**
   * The state this query holds; for the runtime and generated code. (Not named {@code state()}:
   * generated subclasses need that name for the {@code state} filter of addresses.)
   */
  protected final QueryState<T> queryState() {
    return state;
  }

  /**
   * Whether {@code name} is an id-list filter, capped at {@link #MAX_IDS} ids: {@code ids} or a
   * name ending in {@code Ids}. The one place this rule lives.
   */
  public static boolean isIdList(String name) {
    return name != null && (name.equals("ids") || name.endsWith("Ids"));
  }

  // ---- helpers for generated filter methods ----

  /** Sets a single-valued parameter; null removes it. */
  protected final Q param(String name, Object value) {
    return withState(state.withParams(state.params().with(name, value == null ? null : value.toString())));
  }

  /**
   * Sets a repeated-key parameter ({@code name=a&name=b}). The collection must be non-empty and
   * free of nulls (an empty one is a mistake, not "no filter"); an id list
   * ({@link #isIdList(String)}) holds at most {@link #MAX_IDS} values.
   */
  protected final Q paramList(String name, Collection<?> values) {
    List<String> out = new ArrayList<>(values == null ? 0 : values.size());
    for (Object v : checkedValues(name, values)) {
      out.add(v instanceof dev.titanj.core.json.WireEnum
          ? ((dev.titanj.core.json.WireEnum) v).wireValue() : v.toString());
    }
    return withState(state.withParams(state.params().withAll(name, out)));
  }

  /**
   * Sets a comma-separated list ({@code name=1,2,3}), such as {@code ids} or
   * {@code businessUnitIds}. The collection must be non-empty and free of nulls; an id list
   * ({@link #isIdList(String)}) holds at most {@link #MAX_IDS} values.
   */
  protected final Q idsParam(String name, Collection<?> ids) {
    StringBuilder sb = new StringBuilder();
    for (Object id : checkedValues(name, ids)) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(id);
    }
    return param(name, sb.toString());
  }

  /** {@link #idsParam(String, Collection)} for the varargs form of a filter: {@code ids(1L, 2L)}. */
  protected final Q idsParam(String name, Object[] ids) {
    requireArgument(ids != null, name + " must not be null");
    return idsParam(name, java.util.Arrays.asList(ids));
  }

  /** The checks every list filter makes before anything is sent. */
  private static Collection<?> checkedValues(String name, Collection<?> values) {
    requireArgument(values != null, name + " must not be null");
    requireArgument(!values.isEmpty(), name + " must not be empty");
    if (isIdList(name)) {
      requireArgument(values.size() <= MAX_IDS,
          name + " takes at most " + MAX_IDS + " ids, got " + values.size());
    }
    for (Object v : values) {
      requireArgument(v != null, name + " must not contain null");
      requireArgument(!(v instanceof dev.titanj.core.json.WireEnum)
          || !((dev.titanj.core.json.WireEnum) v).wireValue().isEmpty(),
          name + " must not contain UNKNOWN");
    }
    return values;
  }

  /** Sets a date-time parameter in UTC ISO-8601 form. */
  protected final Q instantParam(String name, Instant value) {
    return param(name, QueryValues.instant(name, value));
  }

  /** Sets an enum parameter by its wire value. */
  protected final Q enumParam(String name, dev.titanj.core.json.WireEnum value) {
    requireArgument(value != null, name + " must not be null");
    requireArgument(!value.wireValue().isEmpty(), name + " must not be UNKNOWN");
    return param(name, value.wireValue());
  }

  /**
   * Sets a text-like parameter (a string, date, GUID or decimal) in its query-string form;
   * null is refused.
   */
  protected final Q textParam(String name, Object value) {
    requireArgument(value != null, name + " must not be null");
    return param(name, value instanceof java.math.BigDecimal
        ? ((java.math.BigDecimal) value).toPlainString() : value.toString());
  }

  /**
   * Sets one {@code prefix + key + suffix = value} parameter per entry of {@code fields} (custom
   * field filters such as {@code customField.Color=Red}), in key order; at most {@code max}
   * entries, no blank keys, no null values.
   */
  protected final Q mapParam(String prefix, String suffix, int max, java.util.Map<String, String> fields) {
    String name = prefix.endsWith(".") || prefix.endsWith("[")
        ? prefix.substring(0, prefix.length() - 1) : prefix;
    requireArgument(fields != null, name + " must not be null");
    requireArgument(fields.size() <= max, name + " takes at most " + max + " pairs, got "
        + fields.size());
    Q result = self();
    for (java.util.Map.Entry<String, String> e : new java.util.TreeMap<>(fields).entrySet()) {
      requireArgument(e.getKey() != null && !e.getKey().isBlank() && e.getValue() != null,
          name + " must not contain blank names or null values");
      result = result.param(prefix + e.getKey() + suffix, e.getValue());
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private Q self() {
    return (Q) this;
  }

  /** Sets the {@code sort} parameter. */
  protected final Q sortParam(Sort<?> sort) {
    requireArgument(sort != null, "sort must not be null");
    return param("sort", sort.toQueryValue());
  }

  /** Fails with an {@link IllegalArgumentException} carrying {@code message} unless {@code ok}. */
  protected static void requireArgument(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  // ---- paging options ----

  /**
   * Records per request, from 1 to the endpoint's maximum (5,000 for most endpoints). A fetch
   * hint only: {@link #limit(long)} caps the total. Without it a stream asks for the endpoint's
   * maximum (capped at the limit) and {@link #page(int)} for the server's default of 50.
   */
  public final Q pageSize(int pageSize) {
    requireArgument(pageSize >= 1 && pageSize <= state.maxPageSize(),
        "pageSize must be between 1 and " + state.maxPageSize() + ", was " + pageSize);
    return withState(state.withPageSize(pageSize));
  }

  /**
   * The records per request of {@link #page(int)}: {@link #pageSize(int)}, default 50. A stream
   * with no page size set asks for {@link #maxPageSize()} (capped at the limit) instead.
   */
  public final int pageSize() {
    return state.pageSize();
  }

  /**
   * The largest {@link #pageSize(int)} this endpoint accepts (5,000 for most, 500 for journal
   * entries): the page size that reads every record in the fewest requests.
   */
  public final int maxPageSize() {
    return state.maxPageSize();
  }

  /**
   * The most records {@link #stream()} returns across all pages. The page size stays as set;
   * paging stops inside the page that reaches the limit and never fetches the page after it.
   */
  public final Q limit(long limit) {
    requireArgument(limit >= 1, "limit must be positive, was " + limit);
    return withState(state.withLimit(limit));
  }

  /**
   * Whether later pages are requested while the current one is consumed; on by default. Off,
   * each page is requested only when the previous one has been read, one at a time (unless
   * {@link #parallelism(int)} is set explicitly).
   */
  public final Q prefetch(boolean prefetch) {
    return withState(state.withPrefetch(prefetch));
  }

  /**
   * Fetch up to {@code parallelism} pages at once when the total is known (1 to 16; default the
   * client's {@code pagingParallelism}, 4). The first request asks for the total
   * ({@code includeTotal=true}); then up to {@code parallelism} later pages are in flight while
   * the current one is consumed, each request still taken from the client's rate limit. Records
   * still arrive in order; memory holds at most {@code parallelism + 1} pages. Without a total
   * from the server this falls back to one prefetched page; 1 turns concurrent paging off.
   */
  public final Q parallelism(int parallelism) {
    requireArgument(parallelism >= 1 && parallelism <= 16,
        "parallelism must be between 1 and 16, was " + parallelism);
    return withState(state.withParallelism(parallelism));
  }

  /** Longest name {@link #withParameter} takes. */
  public static final int MAX_PARAMETER_NAME_LENGTH = 100;
  /** Longest value {@link #withParameter} takes. */
  public static final int MAX_PARAMETER_VALUE_LENGTH = 2_000;

  /**
   * Parameters the runtime or a shared typed method owns, lower-cased, with the method to use
   * instead.
   */
  private static final java.util.Map<String, String> OWNED = java.util.Map.of(
      "page", "page(int) or stream()",
      "pagesize", "pageSize(int)",
      "includetotal", "count()",
      "sort", "sort(...)",
      "ids", "ids(...), which checks the " + MAX_IDS + "-id cap",
      "modifiedbefore", "modifiedBefore(Instant)",
      "modifiedonorafter", "modifiedOnOrAfter(Instant)",
      "createdbefore", "createdBefore(Instant)",
      "createdonorafter", "createdOnOrAfter(Instant)");

  /**
   * Per query class, the filters its own typed methods set, lower-cased: a generated filter
   * method is named after its parameter ({@code name(String)} sets {@code name}).
   */
  private static final ClassValue<java.util.Map<String, String>> TYPED = new ClassValue<>() {
    @Override
    protected java.util.Map<String, String> computeValue(Class<?> type) {
      java.util.Map<String, String> out = new java.util.HashMap<>();
      for (java.lang.reflect.Method m : type.getMethods()) {
        Class<?> owner = m.getDeclaringClass();
        if (owner == ListQuery.class || owner == Object.class
            || java.lang.reflect.Modifier.isStatic(m.getModifiers())
            || m.getParameterCount() == 0 || !ListQuery.class.isAssignableFrom(m.getReturnType())) {
          continue;
        }
        out.putIfAbsent(m.getName().toLowerCase(java.util.Locale.ROOT), m.getName() + "(...)");
      }
      return java.util.Map.copyOf(out);
    }
  };

  /**
   * Adds a query parameter this SDK has no typed method for (for example one the API added
   * later). It cannot get round the typed methods and their checks: a name the paging runtime
   * owns ({@code page}, {@code pageSize}, {@code includeTotal}), {@code sort}, {@code ids}, the
   * created/modified ranges, or any filter this query has a typed method for is refused,
   * whatever its case, with an {@link IllegalArgumentException} naming the method to use. Any
   * other id list ({@code ...Ids}) holds at most {@link #MAX_IDS} comma-separated ids. Names are
   * 1 to {@link #MAX_PARAMETER_NAME_LENGTH} characters without spaces, control characters or
   * {@code & = ? #}; values are not null, at most {@link #MAX_PARAMETER_VALUE_LENGTH} characters
   * and free of control characters.
   *
   * @throws IllegalArgumentException for a refused name or value, before anything is sent
   */
  public final Q withParameter(String name, String value) {
    requireArgument(name != null && !name.isBlank(), "name must not be blank");
    requireArgument(name.length() <= MAX_PARAMETER_NAME_LENGTH,
        "name must be at most " + MAX_PARAMETER_NAME_LENGTH + " characters, was " + name.length());
    requireArgument(name.chars().noneMatch(c -> Character.isWhitespace(c)
        || Character.isISOControl(c) || "&=?#".indexOf(c) >= 0),
        "name must not contain spaces, control characters or & = ? #");
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    String typed = OWNED.get(lower);
    if (typed == null) {
      typed = TYPED.get(getClass()).get(lower);
    }
    if (typed != null) {
      throw new IllegalArgumentException(name + " is set through " + typed
          + ", not withParameter (parameter names are compared ignoring case)");
    }
    requireArgument(value != null, "value of parameter " + name + " must not be null");
    requireArgument(value.length() <= MAX_PARAMETER_VALUE_LENGTH, "value of parameter " + name
        + " must be at most " + MAX_PARAMETER_VALUE_LENGTH + " characters, was " + value.length());
    requireArgument(value.chars().noneMatch(Character::isISOControl),
        "value of parameter " + name + " must not contain control characters");
    if (isIdList(name) || lower.endsWith("ids")) {
      long ids = value.isBlank() ? 0 : value.split(",", -1).length;
      requireArgument(ids >= 1 && ids <= MAX_IDS,
          name + " takes 1 to " + MAX_IDS + " comma-separated ids, got " + ids);
    }
    return param(name, value);
  }

  /**
   * Sets a parameter on behalf of a typed method declared outside the query class (the
   * {@link ModifiedFilters} and {@link CreatedFilters} mixins), which {@link #withParameter}
   * refuses on purpose.
   */
  @SuppressWarnings("unchecked")
  static <Q> Q typedParameter(Object query, String name, String value) {
    return (Q) ((ListQuery<?, ?>) query).param(name, value);
  }

  /** The filters in wire form, for logging and tests. */
  public final QueryParams parameters() {
    return state.params();
  }

  /**
   * The query parameters the API requires of this list (their wire names); a terminal fails
   * with {@link IllegalArgumentException} naming the first one missing, before any request.
   * Generated queries override it where the API description marks a filter required.
   */
  protected java.util.List<String> requiredParameters() {
    return java.util.List.of();
  }

  private void checkRequired() {
    for (String name : requiredParameters()) {
      requireArgument(state.params().first(name) != null,
          name + " is required by this list: set it before requesting");
    }
  }

  // ---- terminals ----

  /**
   * All matching records, fetched lazily page by page; close the stream (try-with-resources) to
   * stop early and cancel the prefetched page.
   */
  public final Stream<T> stream() {
    checkRequired();
    return Paging.stream(state);
  }

  /**
   * All matching records, fetched lazily page by page. The iterator is also
   * {@link AutoCloseable}: close it to cancel the prefetch when stopping early (an abandoned
   * iterator costs at most the one page already in flight).
   */
  @Override
  public final Iterator<T> iterator() {
    checkRequired();
    return Paging.iterator(state);
  }

  /** Exactly one request: page {@code number} (1-based) at the current page size. */
  public final Page<T> page(int number) {
    requireArgument(number >= 1, "page number must be at least 1, was " + number);
    checkRequired();
    return state.source().fetch(state.params(), number, state.pageSize(), false);
  }

  /** The first matching record, with one request of page size 1. */
  public final Optional<T> first() {
    checkRequired();
    return state.source().fetch(state.params(), 1, 1, false).items().stream().findFirst();
  }

  /** The number of matching records, with one request ({@code includeTotal=true&pageSize=1}). */
  public final long count() {
    checkRequired();
    Page<T> p = state.source().fetch(state.params(), 1, 1, true);
    return p.totalCount().orElseThrow(() -> new TitanException(
        "the server returned no totalCount for an includeTotal request"));
  }

  /** Collects every matching record into a list; use {@link #stream()} for large results. */
  public final List<T> toList() {
    try (Stream<T> s = stream()) {
      return s.collect(java.util.stream.Collectors.toList());
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + state.params() + ", pageSize="
        + (state.pageSizeSet() ? Integer.toString(state.pageSize()) : "max")
        + (state.limit() == Long.MAX_VALUE ? "" : ", limit=" + state.limit()) + "}";
  }
}
