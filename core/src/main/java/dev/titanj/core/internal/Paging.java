package dev.titanj.core.internal;

import dev.titanj.core.Page;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Turns a {@link QueryState} into a lazy record iterator. */
public final class Paging {
  /** Parameter names the paging runtime owns. */
  public static final Set<String> RESERVED = Set.of("page", "pageSize", "includeTotal");

  private Paging() {}

  /** A lazy stream over every record of the query. */
  public static <T> Stream<T> stream(QueryState<T> state) {
    Iterator<T> it = iterator(state);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** A lazy iterator over every record of the query, one page in memory at a time. */
  public static <T> Iterator<T> iterator(QueryState<T> state) {
    return new Iterator<T>() {
      private int nextPage = 1;
      private Iterator<T> current = java.util.Collections.emptyIterator();
      private boolean more = true;
      private long returned;

      @Override
      public boolean hasNext() {
        if (returned >= state.limit()) {
          return false;
        }
        while (!current.hasNext() && more) {
          Page<T> p = state.source().fetch(state.params(), nextPage++, state.pageSize(), false);
          more = p.hasMore() && !p.items().isEmpty();
          current = p.items().iterator();
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        returned++;
        return current.next();
      }
    };
  }
}
