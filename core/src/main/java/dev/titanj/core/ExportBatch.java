package dev.titanj.core;

import java.util.List;
import java.util.Objects;

/**
 * One response of an export feed: its records, whether more follow right away, and the cursor
 * that resumes after it.
 *
 * <p>A value: two batches are equal when their items, {@code hasMore} and cursors are.
 * {@link #toString()} shows the number of items, not the items.
 *
 * @param items the records of this batch, in server order (copied; not null)
 * @param hasMore true when the server has more records now; false when the feed is caught up
 * @param next the cursor that continues after this batch ({@code continueFrom}; not null)
 * @param <T> the record type
 */
public record ExportBatch<T>(List<T> items, boolean hasMore, ExportCursor next) {

  /** Copies {@code items} (an immutable list; null elements are refused). */
  public ExportBatch {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
    Objects.requireNonNull(next, "next");
  }

  @Override
  public String toString() {
    return "ExportBatch{items=" + items.size() + ", hasMore=" + hasMore + ", next=" + next + "}";
  }
}
