package dev.titanj.core;

import java.util.List;
import java.util.Objects;

/**
 * One response of an export feed: its records, whether more follow right away, and the cursor
 * that resumes after it.
 *
 * @param <T> the record type
 */
public final class ExportBatch<T> {
  private final List<T> items;
  private final boolean hasMore;
  private final ExportCursor next;

  public ExportBatch(List<T> items, boolean hasMore, ExportCursor next) {
    this.items = List.copyOf(Objects.requireNonNull(items, "items"));
    this.hasMore = hasMore;
    this.next = Objects.requireNonNull(next, "next");
  }

  public List<T> items() {
    return items;
  }

  /** True when the server has more records now; false when the feed is caught up. */
  public boolean hasMore() {
    return hasMore;
  }

  /** The cursor that continues after this batch ({@code continueFrom}). */
  public ExportCursor next() {
    return next;
  }

  @Override
  public String toString() {
    return "ExportBatch{items=" + items.size() + ", hasMore=" + hasMore + ", next=" + next + "}";
  }
}
