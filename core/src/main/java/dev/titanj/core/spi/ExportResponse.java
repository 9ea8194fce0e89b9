package dev.titanj.core.spi;

import dev.titanj.core.ExportBatch;
import dev.titanj.core.ExportCursor;
import java.util.List;

/**
 * The wire envelope of an export feed: {@code {hasMore, continueFrom, data}}.
 *
 * @param <T> the record type
 */
public final class ExportResponse<T> {
  public Boolean hasMore;
  public String continueFrom;
  public List<T> data;

  /** The public batch; a missing {@code continueFrom} keeps the request's {@code from}. */
  public ExportBatch<T> toBatch(String requestedFrom) {
    String next = continueFrom == null || continueFrom.isBlank() ? requestedFrom : continueFrom;
    return new ExportBatch<>(data == null ? List.of() : data, Boolean.TRUE.equals(hasMore),
        ExportCursor.from(next));
  }
}
