package dev.titanj.core.internal;

import dev.titanj.core.spi.ExportSource;
import dev.titanj.core.ExportBatch;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * An {@link ExportSource} that repeats a transiently failed batch with the same {@code from}
 * token. {@link dev.titanj.core.ExportFeed#of} wraps plain sources in one with default settings.
 *
 * @param <T> the record type
 */
public final class RetryingExportSource<T> implements ExportSource<T> {
  private final ExportSource<T> delegate;
  private final FetchRetry retry;
  private final Executor prefetcher;

  private RetryingExportSource(ExportSource<T> delegate, FetchRetry retry, Executor prefetcher) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.prefetcher = prefetcher;
  }

  /** {@code source} with {@code retry}; an already retrying source is unwrapped first. */
  public static <T> RetryingExportSource<T> wrap(ExportSource<T> source, FetchRetry retry) {
    ExportSource<T> inner = source instanceof RetryingExportSource
        ? ((RetryingExportSource<T>) source).delegate : source;
    return new RetryingExportSource<>(inner, retry, null);
  }

  /**
   * This source, with {@code executor} for a feed to request its next batch on while the
   * current one is processed (the client's paging pool).
   */
  public RetryingExportSource<T> prefetchingOn(Executor executor) {
    return new RetryingExportSource<>(delegate, retry, Objects.requireNonNull(executor, "executor"));
  }

  /** Where a feed over this source prefetches its next batch; null for no prefetch. */
  public Executor prefetcher() {
    return prefetcher;
  }

  @Override
  public ExportBatch<T> fetch(String from, boolean includeRecentChanges) {
    return retry.call(() -> delegate.fetch(from, includeRecentChanges));
  }
}
