package dev.titanj.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.Active;
import dev.titanj.core.NotFoundException;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServerException;
import dev.titanj.core.ServiceTitan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sample repository end to end over loopback HTTP (MockWebServer). */
class SampleRepositoryHttpTest {
  private static final long TENANT = 42;

  private SampleServer server;
  private ServiceTitan st;
  private SampleRepository samples;

  @BeforeEach
  void start() throws Exception {
    server = new SampleServer();
    st = server.client(TENANT).build();
    samples = new SampleRepository(st);
  }

  @AfterEach
  void stop() throws Exception {
    st.close();
    server.close();
  }

  private static List<Long> ids(Stream<Sample> s) {
    try (s) {
      return s.map(Sample::id).collect(Collectors.toList());
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(5, TimeUnit.SECONDS)).as("next page requested ahead").isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Small helper: 1..n as a list. */
  private static final class IntStreamRange {
    static List<Integer> of(int from, int to) {
      return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
    }
  }

  private List<Integer> pagesRequested() {
    return server.listRequests().stream().map(SampleServer.Seen::page).collect(Collectors.toList());
  }

  @Test
  void stream_1234RecordsAtPageSize100_yieldsExactly1234DistinctRecordsInOrder() {
    server.seed(TENANT, 1234);

    List<Long> ids = ids(samples.query().pageSize(100).stream());

    assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, 1234).boxed().toList());
    assertThat(pagesRequested()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    assertThat(server.listRequests()).allSatisfy(r -> assertThat(r.param("pageSize")).isEqualTo("100"));
  }

  @Test
  void limit250_fetchesThreePagesNotMore() {
    server.seed(TENANT, 1234);

    assertThat(ids(samples.query().pageSize(100).limit(250).stream())).hasSize(250);
    assertThat(pagesRequested()).containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void page3_isOneCallWithPage3() {
    server.seed(TENANT, 1234);

    var page = samples.query().pageSize(100).page(3);

    assertThat(server.listRequests()).singleElement().satisfies(r -> {
      assertThat(r.param("page")).isEqualTo("3");
      assertThat(r.param("pageSize")).isEqualTo("100");
    });
    assertThat(page.items()).hasSize(100).first().extracting(Sample::id).isEqualTo(201L);
    assertThat(page.hasMore()).isTrue();
  }

  @Test
  void count_sendsIncludeTotalAndPageSize1() {
    server.seed(TENANT, 1234);

    assertThat(samples.query().count()).isEqualTo(1234);
    assertThat(server.listRequests()).singleElement().satisfies(r -> {
      assertThat(r.param("includeTotal")).isEqualTo("true");
      assertThat(r.param("pageSize")).isEqualTo("1");
    });
  }

  @Test
  void prefetch_withA200msServerDelay_requestsPageNPlus1BeforePageNIsConsumed() throws Exception {
    server.seed(TENANT, 500);
    server.listDelay(200);
    Map<Integer, CountDownLatch> arrived = new ConcurrentHashMap<>();
    for (int p = 1; p <= 6; p++) {
      arrived.put(p, new CountDownLatch(1));
    }
    server.onRequest(s -> arrived.get(s.page()).countDown());
    long[] consumed = new long[6];

    try (Stream<Sample> stream = samples.query().pageSize(100).parallelism(1).stream()) {
      stream.forEach(s -> {
        int page = (int) ((s.id - 1) / 100) + 1;
        if (s.id % 100 == 1 && page < 5) {
          // The consumer works on page n until the server has seen the request for page n+1:
          // that only happens when the request was sent ahead (prefetch).
          await(arrived.get(page + 1));
        }
        if (s.id % 100 == 0) {
          consumed[page] = System.nanoTime();
        }
      });
    }

    List<SampleServer.Seen> requests = server.listRequests();
    assertThat(requests).extracting(SampleServer.Seen::page).containsExactly(1, 2, 3, 4, 5);
    for (int n = 1; n <= 4; n++) {
      // Page n+1 was on the wire (and its 200 ms delay running) while page n was consumed.
      assertThat(requests.get(n).arrivedNanos).isLessThan(consumed[n]);
    }
  }

  @Test
  void prefetchOff_requestsEachPageOnlyAfterThePreviousOneIsConsumed() {
    server.seed(TENANT, 500);
    long[] consumed = new long[6];

    try (Stream<Sample> stream = samples.query().pageSize(100).prefetch(false).stream()) {
      stream.forEach(s -> {
        if (s.id % 100 == 0) {
          consumed[(int) (s.id / 100)] = System.nanoTime();
        }
      });
    }

    List<SampleServer.Seen> requests = server.listRequests();
    assertThat(requests).hasSize(5);
    for (int n = 1; n <= 4; n++) {
      assertThat(requests.get(n).arrivedNanos).isGreaterThan(consumed[n]);
    }
  }

  @Test
  void clientPagingParallelism1_turnsConcurrentPagingOff_oneRequestAheadAtMost() throws Exception {
    server.seed(TENANT, 1000);
    try (ServiceTitan sequential = server.client(TENANT).pagingParallelism(1).build()) {
      try (Stream<Sample> s = new SampleRepository(sequential).query().pageSize(10).stream()) {
        assertThat(s.limit(20).map(Sample::id).collect(Collectors.toList())).hasSize(20);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (server.listRequests().size() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(10); // a prefetch may still be arriving
      }

      assertThat(server.listRequests()).extracting(SampleServer.Seen::page)
          .startsWith(1, 2).hasSizeBetween(2, 3);
      assertThat(server.listRequests().get(0).param("includeTotal")).isNull();
    }
  }

  @Test
  void parallelism4_hasFourPagesAtTheServerAtOnce_andDeliversInOrder() throws Exception {
    server.seed(TENANT, 2000);
    CountDownLatch fourAtOnce = new CountDownLatch(4);
    server.onRequest(s -> {
      int page = s.page();
      if (page >= 2 && page <= 5) {
        fourAtOnce.countDown();
        try {
          fourAtOnce.await(5, TimeUnit.SECONDS); // answer none of 2..5 until all four arrived
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });

    List<Long> ids = ids(samples.query().pageSize(100).parallelism(4).stream());

    assertThat(fourAtOnce.getCount()).isZero();
    assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, 2000).boxed().toList());
    List<SampleServer.Seen> requests = server.listRequests();
    assertThat(requests.get(0).param("includeTotal")).isEqualTo("true");
    assertThat(requests).extracting(SampleServer.Seen::page)
        .containsExactlyInAnyOrderElementsOf(IntStreamRange.of(1, 20));
  }

  @Test
  void transient503OnPage4Of10_everyRecordExactlyOnce() {
    server.seed(TENANT, 1000);
    server.fail(SampleServer.pageKey(4), 503, 1);
    try (ServiceTitan twoAttempts = server.client(TENANT)
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build()) {

      List<Long> ids = ids(new SampleRepository(twoAttempts).query().pageSize(100).stream());

      assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, 1000).boxed().toList());
      assertThat(pagesRequested()).containsExactlyInAnyOrder(1, 2, 3, 4, 4, 5, 6, 7, 8, 9, 10);
    }
  }

  @Test
  void transient503OnAPage_withRetryPolicyNone_failsTheStreamAfterOneRequestForThatPage() {
    server.seed(TENANT, 1000);
    server.fail(SampleServer.pageKey(4), 503, 1);

    assertThatThrownBy(() -> ids(samples.query().pageSize(100).prefetch(false).stream()))
        .isInstanceOf(ServerException.class);

    assertThat(pagesRequested()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void filters_goOnTheWireInServiceTitansForm() {
    server.seed(TENANT, 10);

    samples.query()
        .ids(List.of(1L, 2L, 3L))
        .active(Active.ANY)
        .statuses(List.of("Open", "Closed"))
        .modifiedOnOrAfter(Instant.parse("2025-01-01T00:00:00Z"))
        .sort(SampleSort.MODIFIED_ON.ascending())
        .withParameter("futureFilter", "x")
        .page(1);

    SampleServer.Seen r = server.listRequests().get(0);
    assertThat(r.param("ids")).isEqualTo("1,2,3");
    assertThat(r.param("active")).isEqualTo("Any");
    assertThat(r.url.queryParameterValues("statuses")).containsExactly("Open", "Closed");
    assertThat(r.param("modifiedOnOrAfter")).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(r.param("sort")).isEqualTo("+ModifiedOn");
    assertThat(r.param("futureFilter")).isEqualTo("x");
    assertThat(r.param("includeTotal")).isNull();
  }

  @Test
  void findById_whenNotFound_returnsEmpty() {
    server.seed(TENANT, 3);

    assertThat(samples.findById(2)).map(s -> s.name).contains("t42-2");
    assertThat(samples.findById(99)).isEmpty();
  }

  @Test
  void getById_whenNotFound_throwsNotFound() {
    assertThatThrownBy(() -> samples.getById(99)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("99");
  }

  @Test
  void findById_withBadId_failsBeforeAnyCall() {
    assertThatThrownBy(() -> samples.findById(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void findAllById_batches50IdsPerCall_keepsInputOrder_dropsMissingIds() {
    server.seed(TENANT, 200);
    List<Long> wanted = new ArrayList<>();
    for (long id = 120; id >= 1; id--) {
      wanted.add(id);
    }
    wanted.add(5000L); // missing
    wanted.add(7L); // duplicate

    List<Sample> got = samples.findAllById(wanted);

    assertThat(got).extracting(Sample::id)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 120).map(i -> 121 - i).boxed().toList());
    assertThat(server.listRequests()).hasSize(3)
        .allSatisfy(r -> assertThat(r.param("ids").split(",").length).isLessThanOrEqualTo(50));
  }
}
