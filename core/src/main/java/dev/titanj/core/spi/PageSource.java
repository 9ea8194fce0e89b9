package dev.titanj.core.spi;

import dev.titanj.core.Page;
import dev.titanj.core.QueryParams;

/**
 * Fetches one page of a list operation: the seam between the generic query runtime and a
 * generated Retrofit call. Implementations make exactly one HTTP request per call.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageSource<T> {

  /**
   * @param params filter parameters in wire form
   * @param page 1-based page number
   * @param pageSize records per page
   * @param includeTotal whether to ask the server for the total count
   */
  Page<T> fetch(QueryParams params, int page, int pageSize, boolean includeTotal);
}
