package dev.titanj.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.Page;
import dev.titanj.core.TitanException;
import dev.titanj.core.spi.ArrayPageSource;
import dev.titanj.core.internal.FetchRetry;
import dev.titanj.core.spi.PageSource;
import dev.titanj.core.internal.Paging;
import dev.titanj.core.spi.QueryState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Lists that answer with a bare array ({@link Paging#untilShortPage}) page until a short page,
 * and every paging loop, bare array or envelope, stops when the server repeats a page.
 */
class BareArrayPagingTest {
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-bare-array-paging");
    t.setDaemon(true);
    return t;
  });

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** Records 1..total served as bare arrays; logs the requested page numbers and sizes. */
  private static final class BareArrays implements ArrayPageSource<Sample> {
    final int total;
    final List<int[]> calls = new CopyOnWriteArrayList<>();
    /** When true, every request answers page 1 (a server that ignores {@code page}). */
    boolean ignoresPage;

    BareArrays(int total) {
      this.total = total;
    }

    @Override
    public List<Sample> fetch(dev.titanj.core.QueryParams params, int page, int pageSize) {
      calls.add(new int[] {page, pageSize});
      int served = ignoresPage ? 1 : page;
      List<Sample> out = new ArrayList<>();
      long first = (long) (served - 1) * pageSize + 1;
      for (long id = first; id < first + pageSize && id <= total; id++) {
        out.add(new Sample(id, "s" + id));
      }
      return out;
    }

    List<Integer> pages() {
      return calls.stream().map(c -> c[0]).collect(Collectors.toList());
    }
  }

  private SampleQuery query(PageSource<Sample> source) {
    return new SampleQuery(QueryState.initial(source, 5000, executor)
        .withRetry(FetchRetry.of(3, Duration.ofMillis(1), d -> { })));
  }

  private static List<Long> ids(Stream<Sample> s) {
    try (s) {
      return s.map(Sample::id).collect(Collectors.toList());
    }
  }

  @Test
  void list_whenBareArrayIsFull_requestsTheNextPage() {
    BareArrays server = new BareArrays(120);

    List<Long> ids = ids(query(Paging.untilShortPage(server)).pageSize(50).stream());

    assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, 120).boxed().toList());
    assertThat(server.pages()).containsExactly(1, 2, 3);
    assertThat(server.calls).allSatisfy(c -> assertThat(c[1]).isEqualTo(50));
  }

  @Test
  void list_whenBareArrayIsShort_stopsWithoutAnotherRequest() {
    BareArrays server = new BareArrays(30);

    assertThat(ids(query(Paging.untilShortPage(server)).pageSize(50).stream())).hasSize(30);
    assertThat(server.pages()).containsExactly(1);
  }

  @Test
  void list_whenTheLastFullPageIsFollowedByAnEmptyOne_stopsThere() {
    BareArrays server = new BareArrays(100);

    assertThat(ids(query(Paging.untilShortPage(server)).pageSize(50).stream())).hasSize(100);
    assertThat(server.pages()).containsExactly(1, 2, 3);
  }

  @Test
  void list_withLimit_neverRequestsThePageAfterTheLimit() {
    BareArrays server = new BareArrays(1000);

    assertThat(ids(query(Paging.untilShortPage(server)).pageSize(50).limit(100).stream()))
        .hasSize(100);
    assertThat(server.pages()).containsExactly(1, 2);
  }

  @Test
  void list_whenServerIgnoresPageAndRepeatsAFullPage_failsInsteadOfLoopingForever() {
    BareArrays server = new BareArrays(1000);
    server.ignoresPage = true;
    List<Long> seen = new ArrayList<>();

    assertThatThrownBy(() -> {
      try (Stream<Sample> s = query(Paging.untilShortPage(server)).pageSize(50).prefetch(false)
          .stream()) {
        s.forEach(r -> seen.add(r.id()));
      }
    }).isInstanceOf(TitanException.class).hasMessageContaining("repeated");

    assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
    assertThat(server.pages()).containsExactly(1, 2);
  }

  @Test
  void envelope_whenServerRepeatsAFullPageClaimingMore_failsInsteadOfLoopingForever() {
    List<Integer> requested = new CopyOnWriteArrayList<>();
    PageSource<Sample> sameForever = (params, page, pageSize, includeTotal) -> {
      requested.add(page);
      List<Sample> items = new ArrayList<>();
      for (long id = 1; id <= pageSize; id++) {
        items.add(new Sample(id, "s" + id));
      }
      return new Page<>(items, 1, pageSize, true, null);
    };

    assertThatThrownBy(() -> ids(query(sameForever).pageSize(10).stream()))
        .isInstanceOf(TitanException.class).hasMessageContaining("page 2 repeated");
    assertThat(requested).startsWith(1, 2).hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void page_ofABareArray_saysWhetherMoreMayFollow_andCarriesNoTotal() {
    BareArrays server = new BareArrays(70);
    SampleQuery q = query(Paging.untilShortPage(server)).pageSize(50);

    Page<Sample> first = q.page(1);
    Page<Sample> second = q.page(2);

    assertThat(first.items()).hasSize(50);
    assertThat(first.hasMore()).isTrue();
    assertThat(first.totalCount()).isEmpty();
    assertThat(second.items()).hasSize(20);
    assertThat(second.hasMore()).isFalse();
  }

  @Test
  void list_whenTheServerAnswersNull_isEmpty() {
    assertThat(ids(query(Paging.untilShortPage((params, page, size) -> null)).stream())).isEmpty();
  }
}
