package dev.titanj.core;

import dev.titanj.core.spi.ExportSource;
import dev.titanj.core.internal.FetchRetry;
import dev.titanj.core.internal.RetryingExportSource;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A resumable change feed over an {@code /export/...} endpoint. Iterating requests batches while
 * the server says {@code hasMore}; {@link #cursor()} is the position after the last batch whose
 * records were all handed out <em>and</em> processed (the cursor moves past a batch only when the
 * consumer asks for the record after its last one), so persisting it and resuming with it never
 * loses a record. Records of a batch that was only partly processed when the run stopped are
 * delivered again by the next run: make the sink idempotent (upsert by id), or work batch by
 * batch with {@link #nextBatch()}. A batch that fails transiently is requested again with the
 * same {@code from}. Every loop that follows the server is bounded: an empty batch ends a run
 * even when it claims more, and a batch that claims more without moving {@code continueFrom}
 * fails with a {@link TitanException}. A feed of a client prefetches: as soon as a batch that has
 * more arrives, the next one is requested on the client's paging pool, so the server works on
 * batch n+1 while batch n is processed (one batch ahead, never more; a prefetch the pool refuses
 * is not made, and closing {@link #stream()} cancels it). The cursor rules above are unchanged:
 * a prefetched batch counts as handed out only when its records are. Not thread-safe: one
 * consumer per feed.
 *
 * <pre>{@code
 * ExportFeed<Customer> feed = customers.export(ExportCursor.from(store.load()));
 * feed.stream().forEach(sink::upsert);
 * store.save(feed.cursor().token());
 * }</pre>
 *
 * @param <T> the record type
 */
public final class ExportFeed<T> implements Iterable<T> {
  private final ExportSource<T> source;
  private final boolean includeRecentChanges;
  /** Runs the request for the next batch ahead; null for none. */
  private final Executor prefetcher;
  private volatile ExportCursor cursor;
  private volatile boolean caughtUp;
  private long batches;
  /** The batch requested ahead, and the {@code from} it was requested with. */
  private FutureTask<ExportBatch<T>> ahead;
  private String aheadFrom;

  private ExportFeed(ExportSource<T> source, ExportCursor start, boolean includeRecentChanges) {
    this(source, start, includeRecentChanges, source instanceof RetryingExportSource
        ? ((RetryingExportSource<T>) source).prefetcher() : null);
  }

  private ExportFeed(ExportSource<T> source, ExportCursor start, boolean includeRecentChanges,
      Executor prefetcher) {
    this.source = Objects.requireNonNull(source, "source");
    this.cursor = Objects.requireNonNull(start, "cursor");
    this.includeRecentChanges = includeRecentChanges;
    this.prefetcher = prefetcher;
  }

  /**
   * A feed starting at {@code start}; generated repositories call this from {@code export(...)}.
   * Transient batch failures are retried (see {@code ResourceSupport.export} for a feed that
   * waits through the client's sleeper).
   */
  public static <T> ExportFeed<T> of(ExportSource<T> source, ExportCursor start) {
    if (source == null) {
      throw new IllegalArgumentException("source must not be null");
    }
    if (start == null) {
      throw new IllegalArgumentException("cursor must not be null");
    }
    ExportSource<T> retrying = source instanceof RetryingExportSource
        ? source : RetryingExportSource.wrap(source, FetchRetry.defaults());
    return new ExportFeed<>(retrying, start, false);
  }

  /**
   * A copy, starting at this feed's current cursor, that asks for recent changes sooner
   * ({@code includeRecentChanges=true}); the server may then repeat records across batches.
   */
  public ExportFeed<T> includeRecentChanges(boolean include) {
    return new ExportFeed<>(source, cursor, include, prefetcher);
  }

  /**
   * A copy, starting at this feed's current cursor, that requests the next batch ahead (the
   * default for a client's feeds) or, with {@code false}, only when it is asked for: for a
   * consumer that bounds its batches itself and wants no request beyond them.
   */
  public ExportFeed<T> prefetch(boolean prefetch) {
    Executor p = prefetch && source instanceof RetryingExportSource
        ? ((RetryingExportSource<T>) source).prefetcher() : null;
    return new ExportFeed<>(source, cursor, includeRecentChanges, p);
  }

  /** Whether this feed sends {@code includeRecentChanges=true}. */
  public boolean includesRecentChanges() {
    return includeRecentChanges;
  }

  /**
   * Requests the next batch and advances {@link #cursor()} past it at once: persist
   * {@code batch.next().token()} after processing the batch. Returns an empty batch with
   * {@code hasMore=false} when the server has nothing new.
   */
  public ExportBatch<T> nextBatch() {
    ExportBatch<T> batch = fetch();
    requireProgress(batch);
    prefetchAfter(batch);
    cursor = batch.next();
    caughtUp = !batch.hasMore();
    return batch;
  }

  /** The batch from the cursor: the one requested ahead when it was for this cursor. */
  private ExportBatch<T> fetch() {
    String from = cursor.fromValue().orElse(null);
    FutureTask<ExportBatch<T>> task = ahead;
    boolean hit = task != null && Objects.equals(aheadFrom, from);
    ahead = null;
    aheadFrom = null;
    if (hit) {
      return await(task, from);
    }
    if (task != null) {
      task.cancel(true);
    }
    ExportBatch<T> batch = source.fetch(from, includeRecentChanges);
    batches++;
    return batch;
  }

  /** Requests the batch after {@code batch} ahead, when there is one and the pool takes it. */
  private void prefetchAfter(ExportBatch<T> batch) {
    // requireProgress has already refused a batch that claims more without moving the cursor.
    if (prefetcher == null || !batch.hasMore() || batch.items().isEmpty()) {
      return;
    }
    String from = batch.next().fromValue().orElse(null);
    FutureTask<ExportBatch<T>> task = new FutureTask<>(() -> source.fetch(from, includeRecentChanges));
    try {
      prefetcher.execute(task);
    } catch (RejectedExecutionException e) {
      return; // requested in the consumer's thread when needed
    }
    batches++;
    ahead = task;
    aheadFrom = from;
  }

  private ExportBatch<T> await(FutureTask<ExportBatch<T>> task, String from) {
    // Not yet started by a paging thread (the pool is shared): run it here instead of waiting.
    task.run();
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TitanIOException("interrupted while waiting for the export batch from " + from, e);
    } catch (CancellationException e) {
      throw new TitanIOException("the export batch from " + from + " was cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        cause.addSuppressed(new Exception("while reading the export batch from " + from));
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new TitanException("the export batch from " + from + " failed", cause);
    }
  }

  /** Cancels the batch requested ahead, if any. */
  private void cancelAhead() {
    FutureTask<ExportBatch<T>> task = ahead;
    ahead = null;
    aheadFrom = null;
    if (task != null) {
      task.cancel(true);
    }
  }

  /**
   * Fails when a batch says {@code hasMore=true} but its {@code continueFrom} is the {@code from}
   * that was sent (or missing, which keeps it): the next request would be the same request, and
   * following the server would repeat the same records forever. The cursor stays before the
   * batch, so nothing is lost.
   */
  private void requireProgress(ExportBatch<T> batch) {
    if (batch.hasMore() && batch.next().equals(cursor)) {
      throw new TitanException("export batch from " + cursor + " said hasMore=true but its"
          + " continueFrom did not move (" + batch.items().size() + " records): the server is"
          + " not advancing the feed; stopped instead of requesting the same batch again");
    }
  }

  /**
   * Every record from the cursor until the server reports no more, fetched lazily one batch at a
   * time.
   */
  @Override
  public Iterator<T> iterator() {
    return new Iterator<T>() {
      private Iterator<T> current = Collections.emptyIterator();
      /** The cursor after the batch {@link #current} came from; applied once it is consumed. */
      private ExportCursor pending;
      private boolean more = true;

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (pending != null) {
            // Everything of the previous batch was handed out and the caller came back for more:
            // it is processed, so a resumed run may start after it.
            cursor = pending;
            pending = null;
          }
          if (!more) {
            return false;
          }
          ExportBatch<T> batch = fetch();
          requireProgress(batch);
          prefetchAfter(batch);
          // An empty batch ends the run even if it claims more, so a misbehaving server cannot
          // make the loop spin; the next run resumes after it.
          more = batch.hasMore() && !batch.items().isEmpty();
          caughtUp = !batch.hasMore();
          pending = batch.next();
          current = batch.items().iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /**
   * Every record from the cursor until caught up, as a lazy sequential stream; closing it
   * cancels the batch requested ahead.
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(this::cancelAhead);
  }

  /** The position to resume from: after the last fully consumed batch. */
  public ExportCursor cursor() {
    return cursor;
  }

  /** Whether the last batch requested said {@code hasMore=false}. */
  public boolean isCaughtUp() {
    return caughtUp;
  }

  /**
   * Number of batches requested so far, the one requested ahead included (retries of a batch
   * not counted).
   */
  public long batchCount() {
    return batches;
  }

  @Override
  public String toString() {
    return "ExportFeed{cursor=" + cursor + ", includeRecentChanges=" + includeRecentChanges + "}";
  }
}
