package dev.titanj.core.query;

import dev.titanj.core.Page;
import dev.titanj.core.QueryParams;
import dev.titanj.core.spi.PageSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An in-memory {@link PageSource} over records 1..total that logs every fetch, counts how many
 * run at once, and lets a test make a fetch fail or block.
 */
final class FakePages implements PageSource<Sample> {
  /** One fetch call. */
  static final class Call {
    final int page;
    final int pageSize;
    final boolean includeTotal;
    final QueryParams params;

    Call(int page, int pageSize, boolean includeTotal, QueryParams params) {
      this.page = page;
      this.pageSize = pageSize;
      this.includeTotal = includeTotal;
      this.params = params;
    }
  }

  private final int total;
  final List<Call> calls = new CopyOnWriteArrayList<>();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  /** Runs at the start of each fetch with the page number; may block or throw. */
  volatile IntFunction<Void> hook = p -> null;
  /** When set, a page at this number or later comes back empty with hasMore=true. */
  volatile int emptyFrom = Integer.MAX_VALUE;
  /** When set, the page at this number says hasMore=false although records follow. */
  volatile int lastByServer = Integer.MAX_VALUE;

  FakePages(int total) {
    this.total = total;
  }

  @Override
  public Page<Sample> fetch(QueryParams params, int page, int pageSize, boolean includeTotal) {
    calls.add(new Call(page, pageSize, includeTotal, params));
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      hook.apply(page);
      if (page >= emptyFrom) {
        return new Page<>(List.of(), page, pageSize, true, null);
      }
      List<Sample> items = new ArrayList<>();
      long first = (long) (page - 1) * pageSize + 1;
      for (long id = first; id < first + pageSize && id <= total; id++) {
        items.add(new Sample(id, "s" + id));
      }
      boolean more = first + pageSize - 1 < total && page < lastByServer;
      return new Page<>(items, page, pageSize, more, includeTotal ? (long) total : null);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  List<Integer> pages() {
    List<Integer> out = new ArrayList<>();
    for (Call c : calls) {
      out.add(c.page);
    }
    return out;
  }
}
