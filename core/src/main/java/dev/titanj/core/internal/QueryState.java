package dev.titanj.core.internal;

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
  /** Page size when the caller sets none. */
  public static final int DEFAULT_PAGE_SIZE = 50;
  /** The largest page size most ServiceTitan list endpoints accept. */
  public static final int DEFAULT_MAX_PAGE_SIZE = 5000;

  final PageSource<T> source;
  final QueryParams params;
  final int pageSize;
  final int maxPageSize;
  final long limit;
  final boolean prefetch;
  final int parallelism;
  final Executor executor;
  final FetchRetry retry;

  private QueryState(PageSource<T> source, QueryParams params, int pageSize, int maxPageSize,
      long limit, boolean prefetch, int parallelism, Executor executor, FetchRetry retry) {
    this.source = source;
    this.params = params;
    this.pageSize = pageSize;
    this.maxPageSize = maxPageSize;
    this.limit = limit;
    this.prefetch = prefetch;
    this.parallelism = parallelism;
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
        Math.min(DEFAULT_PAGE_SIZE, maxPageSize), maxPageSize, Long.MAX_VALUE, true, 1,
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
    return initial(source, maxPageSize, context.pagingExecutor()).withRetry(FetchRetry.none());
  }

  public PageSource<T> source() {
    return source;
  }

  public QueryParams params() {
    return params;
  }

  public int pageSize() {
    return pageSize;
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

  public int parallelism() {
    return parallelism;
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
        limit, prefetch, parallelism, executor, retry);
  }

  public QueryState<T> withPageSize(int n) {
    return new QueryState<>(source, params, n, maxPageSize, limit, prefetch, parallelism, executor, retry);
  }

  public QueryState<T> withLimit(long n) {
    return new QueryState<>(source, params, pageSize, maxPageSize, n, prefetch, parallelism, executor, retry);
  }

  public QueryState<T> withPrefetch(boolean on) {
    return new QueryState<>(source, params, pageSize, maxPageSize, limit, on, parallelism, executor, retry);
  }

  public QueryState<T> withParallelism(int n) {
    return new QueryState<>(source, params, pageSize, maxPageSize, limit, prefetch, n, executor, retry);
  }

  public QueryState<T> withRetry(FetchRetry r) {
    return new QueryState<>(source, params, pageSize, maxPageSize, limit, prefetch, parallelism,
        executor, Objects.requireNonNull(r, "retry"));
  }

  public QueryState<T> withExecutor(Executor e) {
    return new QueryState<>(source, params, pageSize, maxPageSize, limit, prefetch, parallelism,
        Objects.requireNonNull(e, "executor"), retry);
  }
}
