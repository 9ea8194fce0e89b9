package dev.titanj.core.spi;

import dev.titanj.core.ExportBatch;

/**
 * Fetches one batch of an export feed with exactly one HTTP request: the seam between
 * {@link dev.titanj.core.ExportFeed} and a generated Retrofit call.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface ExportSource<T> {

  /**
   * @param from the continuation token or date, or null for the beginning
   * @param includeRecentChanges the API's {@code includeRecentChanges} flag
   */
  ExportBatch<T> fetch(String from, boolean includeRecentChanges);
}
