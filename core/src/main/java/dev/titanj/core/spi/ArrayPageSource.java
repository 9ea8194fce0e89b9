package dev.titanj.core.spi;

import dev.titanj.core.internal.Paging;
import dev.titanj.core.QueryParams;
import java.util.List;

/**
 * Fetches one page of a list operation that answers with a bare JSON array instead of the
 * {@code {page, pageSize, hasMore, data}} envelope but still takes {@code page} and
 * {@code pageSize}. {@link Paging#untilShortPage(ArrayPageSource)} turns it into a
 * {@link PageSource}: a page with fewer than {@code pageSize} records is the last one.
 * Implementations make exactly one HTTP request per call.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface ArrayPageSource<T> {

  /**
   * @param params filter parameters in wire form
   * @param page 1-based page number
   * @param pageSize records per page
   * @return the records of that page; null is read as no records
   */
  List<T> fetch(QueryParams params, int page, int pageSize);
}
