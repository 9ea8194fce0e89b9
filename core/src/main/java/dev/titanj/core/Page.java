package dev.titanj.core;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One page of a list operation: its items, its 1-based number, and whether more pages follow.
 * {@link #totalCount()} is present only when the query asked for it.
 *
 * <p>A value: two pages are equal when their items, number, page size, {@code hasMore} and
 * total are. {@link #toString()} shows the number of items, not the items.
 *
 * @param items the records of this page, in server order (copied; not null)
 * @param number the 1-based page number
 * @param pageSize the page size the server applied
 * @param hasMore whether the server has more records after this page
 * @param total the total number of matching records, or null when it was not requested; read it
 *     through {@link #totalCount()}
 * @param <T> the item type
 */
public record Page<T>(List<T> items, int number, int pageSize, boolean hasMore, Long total) {

  /** Copies {@code items} (an immutable list; null elements are refused). */
  public Page {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
  }

  /** The total number of matching records, when requested with {@code includeTotal}. */
  public OptionalLong totalCount() {
    return total == null ? OptionalLong.empty() : OptionalLong.of(total);
  }

  @Override
  public String toString() {
    return "Page{number=" + number + ", items=" + items.size() + ", hasMore=" + hasMore
        + (total == null ? "" : ", totalCount=" + total) + "}";
  }
}
