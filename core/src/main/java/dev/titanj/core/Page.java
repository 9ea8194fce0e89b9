package dev.titanj.core;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One page of a list operation: its items, its 1-based number, and whether more pages follow.
 * {@link #totalCount()} is present only when the query asked for it.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final int number;
  private final int pageSize;
  private final boolean hasMore;
  private final Long totalCount;

  public Page(List<T> items, int number, int pageSize, boolean hasMore, Long totalCount) {
    this.items = List.copyOf(Objects.requireNonNull(items, "items"));
    this.number = number;
    this.pageSize = pageSize;
    this.hasMore = hasMore;
    this.totalCount = totalCount;
  }

  /** The records of this page, in server order. */
  public List<T> items() {
    return items;
  }

  /** The 1-based page number. */
  public int number() {
    return number;
  }

  /** The page size the server applied. */
  public int pageSize() {
    return pageSize;
  }

  /** Whether the server has more records after this page. */
  public boolean hasMore() {
    return hasMore;
  }

  /** The total number of matching records, when requested with {@code includeTotal}. */
  public OptionalLong totalCount() {
    return totalCount == null ? OptionalLong.empty() : OptionalLong.of(totalCount);
  }

  @Override
  public String toString() {
    return "Page{number=" + number + ", items=" + items.size() + ", hasMore=" + hasMore
        + (totalCount == null ? "" : ", totalCount=" + totalCount) + "}";
  }
}
