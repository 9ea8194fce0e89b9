package dev.titanj.core;

import dev.titanj.core.internal.ExportSource;
import dev.titanj.core.internal.FetchRetry;
import dev.titanj.core.internal.RetryingExportSource;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
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
 * fails with a {@link TitanException}. Not thread-safe: one consumer per feed.
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
  private volatile ExportCursor cursor;
  private volatile boolean caughtUp;
  private long batches;

  private ExportFeed(ExportSource<T> source, ExportCursor start, boolean includeRecentChanges) {
    this.source = Objects.requireNonNull(source, "source");
    this.cursor = Objects.requireNonNull(start, "cursor");
    this.includeRecentChanges = includeRecentChanges;
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
    return new ExportFeed<>(source, cursor, include);
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
    cursor = batch.next();
    caughtUp = !batch.hasMore();
    return batch;
  }

  private ExportBatch<T> fetch() {
    ExportBatch<T> batch = source.fetch(cursor.fromValue().orElse(null), includeRecentChanges);
    batches++;
    return batch;
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

  /** Every record from the cursor until caught up, as a lazy sequential stream. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** The position to resume from: after the last fully consumed batch. */
  public ExportCursor cursor() {
    return cursor;
  }

  /** Whether the last batch requested said {@code hasMore=false}. */
  public boolean isCaughtUp() {
    return caughtUp;
  }

  /** Number of batches requested so far (retries of a batch not counted). */
  public long batchCount() {
    return batches;
  }

  @Override
  public String toString() {
    return "ExportFeed{cursor=" + cursor + ", includeRecentChanges=" + includeRecentChanges + "}";
  }
}
