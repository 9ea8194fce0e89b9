package dev.titanj.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.Active;
import dev.titanj.core.BadRequestException;
import dev.titanj.core.ServerException;
import dev.titanj.core.TitanIOException;
import dev.titanj.core.internal.FetchRetry;
import dev.titanj.core.spi.QueryState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The paging runtime over an in-memory page source: page boundaries, limits, prefetch, retry. */
class PagingTest {
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-paging");
    t.setDaemon(true);
    return t;
  });
  private final List<Duration> sleeps = new ArrayList<>();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private SampleQuery query(FakePages pages) {
    return new SampleQuery(QueryState.initial(pages, 5000, executor)
        .withRetry(FetchRetry.of(3, Duration.ofMillis(100), sleeps::add)));
  }

  private static List<Long> ids(Stream<Sample> s) {
    try (s) {
      return s.map(Sample::id).collect(Collectors.toList());
    }
  }

  @Test
  void stream_1234RecordsAtPageSize100_yieldsEachRecordOnceInOrder() {
    FakePages pages = new FakePages(1234);

    List<Long> ids = ids(query(pages).pageSize(100).stream());

    assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, 1234).boxed().toList());
    // Four pages are in flight at once by default, so they may arrive in any order; each once.
    assertThat(pages.pages()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    assertThat(pages.calls).allSatisfy(c -> assertThat(c.pageSize).isEqualTo(100));
  }

  @Test
  void stream_withNoPageSize_asksForTheEndpointMaximum_andTheTotalFirst() {
    FakePages pages = new FakePages(12_000);

    List<Long> ids = ids(query(pages).stream());

    assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, 12_000).boxed().toList());
    assertThat(pages.calls).allSatisfy(c -> assertThat(c.pageSize).isEqualTo(5000));
    assertThat(pages.pages()).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(pages.calls.get(0).includeTotal).isTrue();
  }

  @Test
  void stream_withALimitAndNoPageSize_isOneRequestForExactlyTheLimit() {
    FakePages pages = new FakePages(12_000);

    assertThat(ids(query(pages).limit(120).stream())).hasSize(120).endsWith(120L);
    assertThat(pages.calls).singleElement().satisfies(c -> {
      assertThat(c.pageSize).isEqualTo(120);
      assertThat(c.includeTotal).isFalse();
    });
  }

  @Test
  void page_withNoPageSize_asksForTheServersDefaultOf50() {
    FakePages pages = new FakePages(1234);

    assertThat(query(pages).page(2).items()).hasSize(50);
    assertThat(pages.calls).singleElement().satisfies(c -> assertThat(c.pageSize).isEqualTo(50));
  }

  @Test
  void defaultParallelism_isFourPagesInFlight_handedOutInOrder() throws Exception {
    FakePages pages = new FakePages(2000);
    CountDownLatch fourAtOnce = new CountDownLatch(4);
    pages.hook = p -> {
      if (p >= 2 && p <= 5) {
        fourAtOnce.countDown();
        try {
          fourAtOnce.await(5, TimeUnit.SECONDS); // answer none of 2..5 until all four arrived
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return null;
    };

    List<Long> ids = ids(query(pages).pageSize(100).stream());

    assertThat(fourAtOnce.getCount()).isZero();
    assertThat(pages.maxInFlight.get()).isEqualTo(QueryState.DEFAULT_PARALLELISM);
    assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, 2000).boxed().toList());
  }

  @Test
  void limit250_atPageSize100_fetchesThreePagesNotMore() {
    FakePages pages = new FakePages(1234);

    List<Long> ids = ids(query(pages).pageSize(100).limit(250).stream());

    assertThat(ids).hasSize(250).endsWith(250L);
    assertThat(pages.pages()).containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void limitOnPageBoundary_neverPrefetchesThePageAfter() {
    FakePages pages = new FakePages(1234);

    assertThat(ids(query(pages).pageSize(100).limit(200).stream())).hasSize(200);
    assertThat(pages.pages()).containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void page3_isExactlyOneCallForPage3() {
    FakePages pages = new FakePages(1234);

    var page = query(pages).pageSize(100).page(3);

    assertThat(pages.pages()).containsExactly(3);
    assertThat(page.items()).first().extracting(Sample::id).isEqualTo(201L);
    assertThat(page.number()).isEqualTo(3);
  }

  @Test
  void count_asksForTheTotalWithPageSize1() {
    FakePages pages = new FakePages(1234);

    assertThat(query(pages).count()).isEqualTo(1234);
    assertThat(pages.calls).singleElement().satisfies(c -> {
      assertThat(c.includeTotal).isTrue();
      assertThat(c.pageSize).isEqualTo(1);
    });
  }

  @Test
  void first_isOneCallOfPageSize1() {
    FakePages pages = new FakePages(1234);

    assertThat(query(pages).pageSize(500).first()).map(Sample::id).contains(1L);
    assertThat(pages.calls).singleElement().satisfies(c -> assertThat(c.pageSize).isEqualTo(1));
  }

  @Test
  void paging_stopsWhenTheServerSaysNoMore() {
    FakePages pages = new FakePages(1000);
    pages.lastByServer = 3;

    assertThat(ids(query(pages).pageSize(100).parallelism(1).stream())).hasSize(300);
    assertThat(pages.pages()).containsExactly(1, 2, 3);
  }

  @Test
  void paging_stopsAtAnEmptyPageEvenIfItClaimsMore() {
    FakePages pages = new FakePages(1000);
    pages.emptyFrom = 4;

    assertThat(ids(query(pages).pageSize(100).prefetch(false).stream())).hasSize(300);
    assertThat(pages.pages()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void prefetch_requestsPageNPlus1WhileNIsConsumed_andNoFurther() throws Exception {
    FakePages pages = new FakePages(1000);
    Iterator<Sample> it = query(pages).pageSize(100).parallelism(1).iterator();

    for (int page = 1; page <= 9; page++) {
      assertThat(it.next().id).isEqualTo((page - 1) * 100L + 1);
      int expected = page + 1;
      awaitCalls(pages, expected);
      // While page n is being consumed, n+1 is requested, and nothing beyond it is.
      assertThat(pages.pages()).containsExactlyElementsOf(range(1, expected));
      for (int i = 1; i < 100; i++) {
        it.next();
      }
    }
  }

  @Test
  void prefetchOff_requestsPageNPlus1OnlyWhenNIsUsedUp() {
    FakePages pages = new FakePages(1000);
    Iterator<Sample> it = query(pages).pageSize(100).prefetch(false).iterator();

    for (int i = 0; i < 100; i++) {
      it.next();
    }
    assertThat(pages.pages()).containsExactly(1);
    it.next();
    assertThat(pages.pages()).containsExactly(1, 2);
  }

  @Test
  void closingTheStream_cancelsThePrefetchAndFetchesNothingMore() throws Exception {
    FakePages pages = new FakePages(1000);
    CountDownLatch page2Started = new CountDownLatch(1);
    CountDownLatch page2Interrupted = new CountDownLatch(1);
    pages.hook = p -> {
      if (p == 2) {
        page2Started.countDown();
        try {
          new CountDownLatch(1).await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          page2Interrupted.countDown();
        }
      }
      return null;
    };
    Stream<Sample> stream = query(pages).pageSize(100).parallelism(1).stream();
    Iterator<Sample> it = stream.iterator();
    it.next();
    assertThat(page2Started.await(5, TimeUnit.SECONDS)).isTrue();

    stream.close();

    assertThat(page2Interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(it.hasNext()).isFalse();
    assertThat(pages.pages()).containsExactly(1, 2);
  }

  @Test
  void aPrefetchThatFailsAfterTheStreamWasClosed_isNotRetried() throws Exception {
    FakePages pages = new FakePages(1000);
    pages.hook = p -> {
      if (p == 2) {
        try {
          new CountDownLatch(1).await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          // cancelled by close()
        }
        throw new ServerException(503, "unavailable", null, null, "GET /samples");
      }
      return null;
    };
    ExecutorService single = Executors.newSingleThreadExecutor();
    Stream<Sample> stream = new SampleQuery(QueryState.initial(pages, 5000, single)
        .withRetry(FetchRetry.of(3, Duration.ofMillis(100), sleeps::add))).pageSize(100).stream();
    stream.iterator().next();
    awaitCalls(pages, 2);

    stream.close();
    single.shutdown();

    assertThat(single.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    assertThat(pages.pages()).containsExactly(1, 2);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void transientFailureOnPage4_isRetriedWithTheSamePage_everyRecordOnce() {
    FakePages pages = new FakePages(1000);
    AtomicInteger failures = new AtomicInteger(1);
    pages.hook = p -> {
      if (p == 4 && failures.getAndDecrement() > 0) {
        throw new ServerException(503, "unavailable", null, null, "GET /samples");
      }
      return null;
    };

    List<Long> ids = ids(query(pages).pageSize(100).stream());

    assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, 1000).boxed().toList());
    assertThat(pages.pages()).containsExactlyInAnyOrder(1, 2, 3, 4, 4, 5, 6, 7, 8, 9, 10);
    assertThat(sleeps).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void transportFailures_areRetriedABoundedNumberOfTimes() {
    FakePages pages = new FakePages(1000);
    pages.hook = p -> {
      if (p == 2) {
        throw new TitanIOException("connection reset", null);
      }
      return null;
    };
    Iterator<Sample> it = query(pages).pageSize(100).prefetch(false).iterator();
    for (int i = 0; i < 100; i++) {
      it.next();
    }

    assertThatThrownBy(it::next).isInstanceOf(TitanIOException.class);
    assertThat(pages.pages()).containsExactly(1, 2, 2, 2, 2);
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(400));
  }

  @Test
  void clientErrors_areNotRetried() {
    FakePages pages = new FakePages(1000);
    pages.hook = p -> {
      throw new BadRequestException("bad filter", null, null, Map.of(), "GET /samples");
    };

    assertThatThrownBy(() -> query(pages).toList()).isInstanceOf(BadRequestException.class);
    assertThat(pages.pages()).containsExactly(1);
  }

  @Test
  void failureOfAPrefetchedPage_surfacesInTheConsumerAfterRetries() {
    FakePages pages = new FakePages(1000);
    pages.hook = p -> {
      if (p == 3) {
        throw new ServerException(500, "boom", null, null, "GET /samples");
      }
      return null;
    };

    List<Long> got = new ArrayList<>();
    assertThatThrownBy(() -> query(pages).pageSize(100).stream().forEach(s -> got.add(s.id)))
        .isInstanceOf(ServerException.class);
    assertThat(got).hasSize(200);
  }

  @Test
  void parallelism_keepsUpToKPagesInFlight_andDeliversInOrder() throws Exception {
    FakePages pages = new FakePages(2000);
    CountDownLatch fourInFlight = new CountDownLatch(1);
    pages.hook = p -> {
      if (p >= 2 && p <= 5) {
        if (pages.inFlight.get() >= 4) {
          fourInFlight.countDown();
        }
        try {
          fourInFlight.await(5, TimeUnit.SECONDS); // hold pages 2..5 until all four are in flight
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return null;
    };

    List<Long> ids = ids(query(pages).pageSize(100).parallelism(4).stream());

    assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, 2000).boxed().toList());
    assertThat(pages.calls.get(0).includeTotal).isTrue();
    assertThat(pages.maxInFlight.get()).isEqualTo(4);
    assertThat(pages.pages()).containsExactlyInAnyOrderElementsOf(range(1, 20));
  }

  @Test
  void parallelism_neverRequestsBeyondTheLimit() {
    FakePages pages = new FakePages(2000);

    assertThat(ids(query(pages).pageSize(100).parallelism(8).limit(450).stream())).hasSize(450);
    assertThat(pages.pages()).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
  }

  @Test
  void invalidOptions_failBeforeAnyCall_namingTheArgument() {
    FakePages pages = new FakePages(10);
    SampleQuery q = query(pages);

    assertThatThrownBy(() -> q.pageSize(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageSize");
    assertThatThrownBy(() -> q.pageSize(5001)).hasMessageContaining("pageSize")
        .hasMessageContaining("5000");
    assertThatThrownBy(() -> q.limit(0)).hasMessageContaining("limit");
    assertThatThrownBy(() -> q.parallelism(17)).hasMessageContaining("parallelism");
    assertThatThrownBy(() -> q.page(0)).hasMessageContaining("page");
    assertThatThrownBy(() -> q.ids(LongStream.rangeClosed(1, 51).boxed().toList()))
        .hasMessageContaining("ids").hasMessageContaining("50");
    assertThatThrownBy(() -> q.withParameter("pageSize", "9")).hasMessageContaining("pageSize");
    assertThatThrownBy(() -> q.active(Active.UNKNOWN)).hasMessageContaining("active");
    assertThat(pages.calls).isEmpty();
  }

  @Test
  void endpointMaximum_boundsThePageSize() {
    SampleQuery q = new SampleQuery(QueryState.initial(new FakePages(1), 500, executor));

    assertThat(q.pageSize(500).parameters().isEmpty()).isTrue();
    assertThatThrownBy(() -> q.pageSize(501)).hasMessageContaining("between 1 and 500");
  }

  @Test
  void everyStep_returnsANewQuery_andLeavesTheOriginalAlone() {
    FakePages pages = new FakePages(10);
    SampleQuery base = query(pages);

    SampleQuery named = base.name("Acme");
    SampleQuery sorted = named.sort(SampleSort.MODIFIED_ON.descending());

    assertThat(base.parameters().isEmpty()).isTrue();
    assertThat(named.parameters().pairs()).containsExactly("name=Acme");
    assertThat(sorted.parameters().pairs()).containsExactly("name=Acme", "sort=-ModifiedOn");
    assertThat(named).isNotSameAs(base);
  }

  @Test
  void filters_areHeldInWireForm() {
    SampleQuery q = query(new FakePages(10))
        .ids(List.of(3L, 1L, 2L))
        .active(Active.ANY)
        .statuses(List.of("Open", "Closed"))
        .modifiedOnOrAfter(Instant.parse("2025-01-01T05:00:00+02:00"))
        .sort(SampleSort.ID.ascending())
        .withParameter("newFilter", "x");

    assertThat(q.parameters().pairs()).containsExactly("ids=3,1,2", "active=Any",
        "statuses=Open", "statuses=Closed", "modifiedOnOrAfter=2025-01-01T03:00:00Z", "sort=+Id",
        "newFilter=x");
  }

  private static void awaitCalls(FakePages pages, int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (pages.calls.size() < n && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(i);
    }
    return out;
  }
}
