package dev.titanj.core;

import dev.titanj.core.internal.ExportSource;
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
 * records were all handed out, so persisting it and resuming with it neither loses nor repeats
 * records. Not thread-safe: one consumer per feed.
 *
 * @param <T> the record type
 */
public final class ExportFeed<T> implements Iterable<T> {
  private final ExportSource<T> source;
  private final boolean includeRecentChanges;
  private volatile ExportCursor cursor;
  private long batches;

  private ExportFeed(ExportSource<T> source, ExportCursor start, boolean includeRecentChanges) {
    this.source = Objects.requireNonNull(source, "source");
    this.cursor = Objects.requireNonNull(start, "cursor");
    this.includeRecentChanges = includeRecentChanges;
  }

  /** A feed starting at {@code start}; generated repositories call this from {@code export(...)}. */
  public static <T> ExportFeed<T> of(ExportSource<T> source, ExportCursor start) {
    return new ExportFeed<>(source, start, false);
  }

  /**
   * A copy that asks for recent changes sooner ({@code includeRecentChanges=true}); the server
   * may then repeat records across batches.
   */
  public ExportFeed<T> includeRecentChanges(boolean include) {
    return new ExportFeed<>(source, cursor, include);
  }

  /** Requests the next batch and advances the cursor past it. */
  public ExportBatch<T> nextBatch() {
    ExportBatch<T> batch = source.fetch(cursor.fromValue().orElse(null), includeRecentChanges);
    cursor = batch.next();
    batches++;
    return batch;
  }

  /** Every record from the cursor until the server reports no more, fetched lazily. */
  @Override
  public Iterator<T> iterator() {
    return new Iterator<T>() {
      private Iterator<T> current = Collections.emptyIterator();
      private ExportCursor pending;
      private boolean more = true;

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (pending != null) {
            cursor = pending;
            pending = null;
          }
          if (!more) {
            return false;
          }
          ExportBatch<T> batch = source.fetch(cursor.fromValue().orElse(null), includeRecentChanges);
          batches++;
          more = batch.hasMore() && !batch.items().isEmpty();
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
        T item = current.next();
        if (!current.hasNext() && pending != null) {
          cursor = pending;
          pending = null;
        }
        return item;
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

  /** Number of batches requested so far. */
  public long batchCount() {
    return batches;
  }

  @Override
  public String toString() {
    return "ExportFeed{cursor=" + cursor + ", includeRecentChanges=" + includeRecentChanges + "}";
  }
}
