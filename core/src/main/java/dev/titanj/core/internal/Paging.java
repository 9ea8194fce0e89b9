package dev.titanj.core.internal;

import dev.titanj.core.spi.ArrayPageSource;
import dev.titanj.core.spi.PageSource;
import dev.titanj.core.spi.QueryState;
import dev.titanj.core.Page;
import dev.titanj.core.TitanException;
import dev.titanj.core.TitanIOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Turns a {@link QueryState} into a lazy record iterator.
 *
 * <p>Rules: pages are requested in order starting at 1 with a fixed page size
 * ({@link QueryState#streamPageSize()}: the one set, else the endpoint's maximum capped at the
 * limit); paging stops at the first page with {@code hasMore=false} or no items, and never
 * requests a page beyond the one that reaches {@code limit}. With parallelism k
 * ({@link QueryState#parallelism()}: 4 by default while prefetch is on) the first request asks
 * for the total and then up to k later pages are in flight at once, still handed out in order;
 * with k = 1 and prefetch on, page n+1 is requested on the paging executor as soon as page n
 * arrives, so at most the page being consumed and one prefetched page are held. A page that fails
 * transiently is retried with the same page number ({@link FetchRetry}); closing the stream
 * cancels what is in flight. The executor is the client family's bounded pool: a prefetch it
 * refuses is not made, and one it has not started when the consumer needs the page runs in the
 * consumer's thread, so abandoned streams cost at most the pool's threads and queue, never a
 * thread each.
 *
 * <p>Every loop that follows the server is bounded: an empty page ends paging even when it
 * claims more, and a non-empty page that repeats the previous page record for record (a server
 * that ignores {@code page}) fails the stream with a {@link TitanException} instead of fetching
 * the same records forever. Bare-array lists ({@link #untilShortPage}) go through the same
 * iterator, so the same bounds hold for them.
 */
public final class Paging {
  /** Parameter names the paging runtime owns. */
  public static final Set<String> RESERVED = Set.of("page", "pageSize", "includeTotal");

  private Paging() {}

  /**
   * A page source over a list operation that answers with a bare array: each fetch sends
   * {@code page} and {@code pageSize}, and a page with fewer than {@code pageSize} records is the
   * last one ({@code hasMore=false}). A bare array carries no total, so {@code includeTotal} is
   * not sent and pages never report a {@code totalCount}.
   */
  public static <T> PageSource<T> untilShortPage(ArrayPageSource<T> source) {
    Objects.requireNonNull(source, "source");
    return (params, page, pageSize, includeTotal) -> {
      List<T> items = source.fetch(params, page, pageSize);
      List<T> got = items == null ? List.of() : items;
      return new Page<>(got, page, pageSize, got.size() >= pageSize, null);
    };
  }

  /** A lazy stream over every record of the query; closing it stops fetching. */
  public static <T> Stream<T> stream(QueryState<T> state) {
    PageIterator<T> it = new PageIterator<>(state);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(it::close);
  }

  /**
   * A lazy iterator over every record of the query, holding the current page and at most one
   * prefetched page (k with parallelism k). The returned object is also {@link AutoCloseable}.
   */
  public static <T> Iterator<T> iterator(QueryState<T> state) {
    return new PageIterator<>(state);
  }

  /** The iterator behind {@link #stream} and {@link #iterator}; single consumer. */
  static final class PageIterator<T> implements Iterator<T>, AutoCloseable {
    private final QueryState<T> s;
    /** Records per request ({@link QueryState#streamPageSize()}). */
    private final int pageSize;
    /** The last page number {@code limit} allows. */
    private final long maxPage;
    /** Requested ahead, in page order. */
    private final ArrayDeque<FutureTask<Page<T>>> inFlight = new ArrayDeque<>();
    /** Last page the known total allows; {@code Long.MAX_VALUE} when the total is unknown. */
    private long lastPageByTotal = Long.MAX_VALUE;
    private boolean parallel;
    private int nextToRequest = 1;
    /** Number of the page {@link #current} came from. */
    private int currentNumber;
    private Iterator<T> current = Collections.emptyIterator();
    /** True when no further page will be requested. */
    private boolean exhausted;
    private volatile boolean closed;
    private long returned;
    /** Fingerprint of the previous page, to detect a server that repeats it. */
    private int previousSize;
    private int previousHash;
    private Object previousFirst;
    private Object previousLast;

    PageIterator(QueryState<T> state) {
      this.s = state;
      this.pageSize = state.streamPageSize();
      long pages = state.limit() == Long.MAX_VALUE ? Integer.MAX_VALUE
          : (state.limit() + pageSize - 1) / pageSize;
      this.maxPage = Math.min(pages, Integer.MAX_VALUE);
    }

    @Override
    public boolean hasNext() {
      if (closed) {
        return false;
      }
      if (returned >= s.limit()) {
        close();
        return false;
      }
      while (!current.hasNext()) {
        if (!advance()) {
          close();
          return false;
        }
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      returned++;
      return current.next();
    }

    /** Moves to the next page; false when there is none. */
    private boolean advance() {
      Page<T> page;
      int number;
      if (currentNumber == 0) {
        number = nextToRequest;
        boolean withTotal = s.parallelism() > 1 && maxPage > 1;
        page = s.retry().call(() -> s.source().fetch(s.params(), number, pageSize, withTotal));
        nextToRequest++;
        if (withTotal && page.totalCount().isPresent()) {
          long total = page.totalCount().getAsLong();
          lastPageByTotal = Math.max(1, (total + pageSize - 1) / pageSize);
          parallel = true;
        }
      } else if (!inFlight.isEmpty()) {
        number = currentNumber + 1;
        page = await(inFlight.poll(), number);
      } else if (exhausted) {
        return false;
      } else {
        number = nextToRequest;
        page = s.retry().call(() -> s.source().fetch(s.params(), number, pageSize, false));
        nextToRequest++;
      }
      requireProgress(page, number);
      currentNumber = number;
      current = page.items().iterator();
      boolean more = page.hasMore() && !page.items().isEmpty() && number < maxPage;
      if (!more) {
        exhausted = true;
        cancelInFlight();
      } else {
        schedule(number);
      }
      return current.hasNext();
    }

    /**
     * Fails when page {@code number} holds exactly the records of the page before it: the server
     * is not paging (it ignores {@code page}), and following it would fetch the same records
     * until the page counter runs out.
     */
    private void requireProgress(Page<T> page, int number) {
      List<T> items = page.items();
      if (items.isEmpty()) {
        return;
      }
      int hash = items.hashCode();
      Object first = items.get(0);
      Object last = items.get(items.size() - 1);
      boolean repeated = currentNumber > 0 && items.size() == previousSize && hash == previousHash
          && first.equals(previousFirst) && last.equals(previousLast);
      previousSize = items.size();
      previousHash = hash;
      previousFirst = first;
      previousLast = last;
      if (repeated) {
        close();
        throw new TitanException("page " + number + " repeated the " + items.size()
            + " records of page " + (number - 1) + ": the server ignores paging; stopped instead"
            + " of requesting the same records again");
      }
    }

    /** Keeps the prefetch window full after page {@code received} arrived with more to come. */
    private void schedule(int received) {
      int window = parallel && nextToRequest <= lastPageByTotal ? s.parallelism() : s.prefetch() ? 1 : 0;
      // Beyond the page the total promised, go one page at a time and only once the previous
      // page confirmed there is more.
      long upTo = Math.min(maxPage, Math.max(lastPageByTotal, received + 1L));
      while (inFlight.size() < window && nextToRequest <= upTo) {
        int number = nextToRequest;
        FutureTask<Page<T>> task = new FutureTask<>(
            () -> s.retry().call(() -> s.source().fetch(s.params(), number, pageSize, false),
                () -> !closed));
        try {
          s.executor().execute(task);
        } catch (RejectedExecutionException e) {
          return; // fetched synchronously when needed
        }
        inFlight.add(task);
        nextToRequest++;
      }
    }

    private Page<T> await(FutureTask<Page<T>> task, int number) {
      // A prefetch still waiting for a paging thread (the pool is bounded and shared) is run
      // here instead: the consumer never waits behind other streams' requests, and a task the
      // pool will never run (shut down) cannot leave it waiting. run() does nothing when a paging
      // thread has started the task already.
      task.run();
      try {
        return task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new TitanIOException("interrupted while waiting for page " + number, e);
      } catch (CancellationException e) {
        throw new TitanIOException("page " + number + " was cancelled", e);
      } catch (ExecutionException e) {
        close();
        Throwable cause = e.getCause();
        if (cause instanceof TitanException) {
          // Rethrow in the consumer's thread with its stack, keeping the type callers catch.
          cause.addSuppressed(new Exception("while streaming page " + number));
          throw (TitanException) cause;
        }
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
          throw (Error) cause;
        }
        throw new TitanException("page " + number + " failed", cause);
      }
    }

    private void cancelInFlight() {
      FutureTask<Page<T>> t;
      while ((t = inFlight.poll()) != null) {
        t.cancel(true);
      }
    }

    /** Stops paging: cancels prefetched requests and drops the current page. Idempotent. */
    @Override
    public void close() {
      closed = true;
      exhausted = true;
      current = Collections.emptyIterator();
      cancelInFlight();
    }
  }
}
