package dev.titanj.core.spi;

import dev.titanj.core.Page;
import java.util.List;

/**
 * The wire envelope of a paged list: {@code {page, pageSize, hasMore, totalCount, data}}.
 * Decoded by Moshi; turned into a public {@link Page} with {@link #toPage(int)}.
 *
 * @param <T> the item type
 */
public final class PagedResponse<T> {
  public Integer page;
  public Integer pageSize;
  public Boolean hasMore;
  public Long totalCount;
  public List<T> data;

  /** The public page; {@code requestedPage} fills a missing {@code page} field. */
  public Page<T> toPage(int requestedPage) {
    List<T> items = data == null ? List.of() : data;
    return new Page<>(items, page == null ? requestedPage : page,
        pageSize == null ? items.size() : pageSize, Boolean.TRUE.equals(hasMore), totalCount);
  }
}
