package dev.titanj.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.ServiceTitan;
import dev.titanj.core.internal.TitanContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import dev.titanj.core.spi.QueryState;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Prefetch and parallel paging run on one bounded pool per client family: abandoned streams
 * cost at most its threads, never one thread each, and {@code prefetch(false)} fetches only the
 * pages consumed.
 */
class PagingPoolTest {
  private static final long TENANT = 42;

  private SampleServer server;
  private ServiceTitan st;
  private SampleRepository samples;

  @BeforeEach
  void start() throws Exception {
    server = new SampleServer();
    server.seed(TENANT, 300);
    st = server.client(TENANT).rateLimit(dev.titanj.core.RateLimit.unlimited()).build();
    samples = new SampleRepository(st);
  }

  @AfterEach
  void stop() throws Exception {
    st.close();
    server.close();
  }

  private static ThreadPoolExecutor pool(ServiceTitan client) {
    return (ThreadPoolExecutor) TitanContext.of(client).pagingExecutor();
  }

  private static long livePagingThreads(ThreadPoolExecutor pool) {
    String prefix = pool.getThreadFactory().newThread(() -> { }).getName();
    prefix = prefix.substring(0, prefix.lastIndexOf('-') + 1);
    String p = prefix;
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(p)).count();
  }

  @Test
  void thousandAbandonedStreams_whosePrefetchesHang_neverHoldMoreThanThePoolBoundOfThreads()
      throws Exception {
    ThreadPoolExecutor pool = pool(st);
    FakePages pages = new FakePages(1_000_000);
    CountDownLatch release = new CountDownLatch(1);
    pages.hook = page -> {
      if (page > 1) { // every prefetch blocks until the end of the test: worst case for a pool
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return null;
    };
    List<Long> firstIds = new ArrayList<>();

    try {
      for (int i = 0; i < 1_000; i++) {
        // read one record, then drop the stream without close()
        Iterator<Sample> it = new SampleQuery(QueryState.initial(pages, 5000, TitanContext.of(st)))
            .pageSize(10).stream().iterator();
        firstIds.add(it.next().id);
        assertThat(pool.getPoolSize()).isLessThanOrEqualTo(TitanContext.PAGING_THREADS);
      }

      assertThat(firstIds).hasSize(1_000).containsOnly(1L);
      assertThat(pool.getLargestPoolSize()).as("peak paging threads")
          .isEqualTo(TitanContext.PAGING_THREADS);
      assertThat(livePagingThreads(pool)).isLessThanOrEqualTo(TitanContext.PAGING_THREADS);
      // the pool's threads, plus the consumer's own fetch of a first page
      assertThat(pages.maxInFlight.get()).as("fetches running at once")
          .isLessThanOrEqualTo(TitanContext.PAGING_THREADS + 1);
      assertThat(pool.getQueue().size()).isLessThanOrEqualTo(TitanContext.PAGING_QUEUE);
    } finally {
      release.countDown();
    }
    // every first page, plus one prefetch for each stream that found room in the pool
    assertThat(pages.calls.size()).isLessThanOrEqualTo(
        1_000 + TitanContext.PAGING_THREADS + TitanContext.PAGING_QUEUE);
    st.close();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(livePagingThreads(pool)).isZero();
  }

  @Test
  void abandonedStreamsOverHttp_openNoMoreThreadsOrRequestsThanThePoolAllows() {
    ThreadPoolExecutor pool = pool(st);

    for (int i = 0; i < 50; i++) {
      Iterator<Sample> it = samples.query().pageSize(10).stream().iterator();
      assertThat(it.next().id).isEqualTo(1L);
    }

    assertThat(pool.getLargestPoolSize()).isBetween(1, TitanContext.PAGING_THREADS);
    assertThat(livePagingThreads(pool)).isLessThanOrEqualTo(TitanContext.PAGING_THREADS);
    // each stream's first page plus at most its parallelism (4 by default) of pages ahead
    assertThat(server.listRequests().size())
        .isBetween(50, 50 * (1 + dev.titanj.core.spi.QueryState.DEFAULT_PARALLELISM));
  }

  @Test
  void pagingPool_isSharedByWithTenantClients_andItsThreadsAreNamedDaemons() throws Exception {
    server.seed(7, 30);
    try (ServiceTitan other = st.withTenant(7, "client-7", "secret-7")) {
      assertThat(pool(other)).isSameAs(pool(st));

      new SampleRepository(other).query().pageSize(10).toList();
      Thread worker = pool(st).getThreadFactory().newThread(() -> { });
      assertThat(worker.isDaemon()).isTrue();
      assertThat(worker.getName()).startsWith("titanj-paging-");
      assertThat(pool(st).getMaximumPoolSize()).isEqualTo(TitanContext.PAGING_THREADS);
    }
  }

  @Test
  void prefetchOff_whenTwoPagesAreConsumed_sendsExactlyTwoRequests() {
    Iterator<Sample> it = samples.query().pageSize(10).prefetch(false).iterator();

    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(it.next().id);
    }

    assertThat(ids).hasSize(20).last().isEqualTo(20L);
    assertThat(server.listRequests()).extracting(SampleServer.Seen::page).containsExactly(1, 2);
    assertThat(pool(st).getCompletedTaskCount()).isZero();
  }

  @Test
  void prefetchOn_whenTwoPagesAreConsumed_requestsAtMostOnePageAhead() throws Exception {
    try (Stream<Sample> s = samples.query().pageSize(10).parallelism(1).stream()) {
      assertThat(s.limit(20).map(Sample::id).collect(Collectors.toList())).hasSize(20);
    }
    pool(st).shutdown();
    assertThat(pool(st).awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    assertThat(server.listRequests()).extracting(SampleServer.Seen::page)
        .startsWith(1, 2).hasSizeBetween(2, 3);
  }
}
