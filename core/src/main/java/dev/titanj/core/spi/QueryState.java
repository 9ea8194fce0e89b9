package dev.titanj.core.spi;

import dev.titanj.core.internal.TitanContext;
import dev.titanj.core.internal.FetchRetry;
import dev.titanj.core.QueryParams;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Everything a list query holds, immutable: where pages come from, the filters, and the paging
 * options. Generated query classes pass it through to {@link dev.titanj.core.ListQuery}; users
 * never build one.
 *
 * @param <T> the item type
 */
public final class QueryState<T> {
  /**
   * Page size of {@link dev.titanj.core.ListQuery#page(int)} when the caller sets none (the
   * server's own default). A stream with no page size set uses {@link #streamPageSize()}.
   */
  public static final int DEFAULT_PAGE_SIZE = 50;
  /**
   * Pages a stream keeps in flight when neither the query nor the client says otherwise: enough
   * to hide latency within the default rate limit, few enough to keep memory at five pages.
   */
  public static final int DEFAULT_PARALLELISM = 4;
  /** The largest page size most ServiceTitan list endpoints accept. */
  public static final int DEFAULT_MAX_PAGE_SIZE = 5000;

  final PageSource<T> source;
  final QueryParams params;
  /** The page size the caller set; 0 when none. */
  final int pageSize;
  final int maxPageSize;
  final long limit;
  final boolean prefetch;
  /** The parallelism the caller set; 0 when none. */
  final int parallelism;
  /** The client's parallelism for streams that set none. */
  final int defaultParallelism;
  final Executor executor;
  final FetchRetry retry;

  private QueryState(PageSource<T> source, QueryParams params, int pageSize, int maxPageSize,
      long limit, boolean prefetch, int parallelism, int defaultParallelism, Executor executor,
      FetchRetry retry) {
    this.source = source;
    this.params = params;
    this.pageSize = pageSize;
    this.maxPageSize = maxPageSize;
    this.limit = limit;
    this.prefetch = prefetch;
    this.parallelism = parallelism;
    this.defaultParallelism = defaultParallelism;
    this.executor = executor;
    this.retry = retry;
  }

  /**
   * The starting state of a query. Transient page failures are retried with real sleeps; prefer
   * {@link #initial(PageSource, int, TitanContext)}, which waits through the client's sleeper.
   *
   * @param source fetches pages
   * @param maxPageSize the endpoint's largest page size (5000 for most, 500 for journal entries)
   * @param executor runs prefetched and parallel page requests
   */
  public static <T> QueryState<T> initial(PageSource<T> source, int maxPageSize, Executor executor) {
    if (maxPageSize < 1) {
      throw new IllegalArgumentException("maxPageSize must be positive, was " + maxPageSize);
    }
    return new QueryState<>(Objects.requireNonNull(source, "source"), QueryParams.empty(),
        0, maxPageSize, Long.MAX_VALUE, true, 0, DEFAULT_PARALLELISM,
        Objects.requireNonNull(executor, "executor"), FetchRetry.defaults());
  }

  /**
   * The starting state of a query of {@code context}'s client: its paging executor runs
   * prefetches. Pages are requested through the client's HTTP layer, whose {@code RetryPolicy}
   * is the one retry owner of each page (a transiently failed page is requested again there, with
   * the same page number), so the paging runtime adds no retries on top.
   */
  public static <T> QueryState<T> initial(PageSource<T> source, int maxPageSize,
      TitanContext context) {
    Objects.requireNonNull(context, "context");
    QueryState<T> s = initial(source, maxPageSize, context.pagingExecutor())
        .withRetry(FetchRetry.none());
    return new QueryState<>(s.source, s.params, 0, maxPageSize, Long.MAX_VALUE, true, 0,
        context.settings().pagingParallelism, s.executor, s.retry);
  }

  public PageSource<T> source() {
    return source;
  }

  public QueryParams params() {
    return params;
  }

  /**
   * The page size of a single page ({@code page(int)}): the one the caller set, else
   * {@link #DEFAULT_PAGE_SIZE} (at most the endpoint's maximum).
   */
  public int pageSize() {
    return pageSize > 0 ? pageSize : Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
  }

  /** Whether the caller set a page size. */
  public boolean pageSizeSet() {
    return pageSize > 0;
  }

  /**
   * The page size a stream requests: the one the caller set, else as large as the endpoint
   * allows ({@link #maxPageSize()}) but never more than the {@link #limit()}, so a stream reads
   * every record in the fewest requests and a limited one fetches no record it will not return.
   */
  public int streamPageSize() {
    return pageSize > 0 ? pageSize : (int) Math.min(maxPageSize, limit);
  }

  public int maxPageSize() {
    return maxPageSize;
  }

  /** The cap on records across pages; {@link Long#MAX_VALUE} when none. */
  public long limit() {
    return limit;
  }

  public boolean prefetch() {
    return prefetch;
  }

  /**
   * Pages a stream keeps in flight: the parallelism the caller set, else the client's
   * ({@code ServiceTitan.Builder.pagingParallelism}, {@value #DEFAULT_PARALLELISM} by default)
   * while prefetch is on, and 1 with prefetch off.
   */
  public int parallelism() {
    return parallelism > 0 ? parallelism : prefetch ? defaultParallelism : 1;
  }

  public Executor executor() {
    return executor;
  }

  /** How a transiently failing page is retried while streaming. */
  public FetchRetry retry() {
    return retry;
  }

  public QueryState<T> withParams(QueryParams p) {
    return new QueryState<>(source, Objects.requireNonNull(p, "params"), pageSize, maxPageSize,
        limit, prefetch, parallelism, defaultParallelism, executor, retry);
  }

  public QueryState<T> withPageSize(int n) {
    return new QueryState<>(source, params, n, maxPageSize, limit, prefetch, parallelism,
        defaultParallelism, executor, retry);
  }

  public QueryState<T> withLimit(long n) {
    return new QueryState<>(source, params, pageSize, maxPageSize, n, prefetch, parallelism,
        defaultParallelism, executor, retry);
  }

  public QueryState<T> withPrefetch(boolean on) {
    return new QueryState<>(source, params, pageSize, maxPageSize, limit, on, parallelism,
        defaultParallelism, executor, retry);
  }

  public QueryState<T> withParallelism(int n) {
    return new QueryState<>(source, params, pageSize, maxPageSize, limit, prefetch, n,
        defaultParallelism, executor, retry);
  }

  public QueryState<T> withRetry(FetchRetry r) {
    return new QueryState<>(source, params, pageSize, maxPageSize, limit, prefetch, parallelism,
        defaultParallelism, executor, Objects.requireNonNull(r, "retry"));
  }

  public QueryState<T> withExecutor(Executor e) {
    return new QueryState<>(source, params, pageSize, maxPageSize, limit, prefetch, parallelism,
        defaultParallelism, Objects.requireNonNull(e, "executor"), retry);
  }
}
