package dev.titanj.core.internal;

import dev.titanj.core.spi.ExportSource;
import dev.titanj.core.ExportBatch;
import java.util.Objects;

/**
 * An {@link ExportSource} that repeats a transiently failed batch with the same {@code from}
 * token. {@link dev.titanj.core.ExportFeed#of} wraps plain sources in one with default settings.
 *
 * @param <T> the record type
 */
public final class RetryingExportSource<T> implements ExportSource<T> {
  private final ExportSource<T> delegate;
  private final FetchRetry retry;

  private RetryingExportSource(ExportSource<T> delegate, FetchRetry retry) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.retry = Objects.requireNonNull(retry, "retry");
  }

  /** {@code source} with {@code retry}; an already retrying source is unwrapped first. */
  public static <T> RetryingExportSource<T> wrap(ExportSource<T> source, FetchRetry retry) {
    ExportSource<T> inner = source instanceof RetryingExportSource
        ? ((RetryingExportSource<T>) source).delegate : source;
    return new RetryingExportSource<>(inner, retry);
  }

  @Override
  public ExportBatch<T> fetch(String from, boolean includeRecentChanges) {
    return retry.call(() -> delegate.fetch(from, includeRecentChanges));
  }
}
