package dev.titanj.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.ExportBatch;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServerException;
import dev.titanj.core.ServiceTitan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Export feeds over loopback HTTP: batches, resumption, retries, cursor semantics. */
class ExportFeedTest {
  private static final long TENANT = 7;

  private SampleServer server;
  private ServiceTitan st;
  private SampleRepository samples;

  @BeforeEach
  void start() throws Exception {
    server = new SampleServer();
    server.exportBatchSize(10);
    server.seed(TENANT, 30);
    st = server.client(TENANT).build();
    samples = new SampleRepository(st);
  }

  @AfterEach
  void stop() throws Exception {
    st.close();
    server.close();
  }

  private List<String> froms() {
    return server.requests().stream().map(r -> r.param("from")).collect(Collectors.toList());
  }

  @Test
  void feed_readsThreeBatchesUntilHasMoreIsFalse() {
    ExportFeed<Sample> feed = samples.export(ExportCursor.beginning());

    List<Long> ids = feed.stream().map(Sample::id).collect(Collectors.toList());

    assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
    assertThat(froms()).containsExactly(null, "v10", "v20");
    assertThat(feed.batchCount()).isEqualTo(3);
    assertThat(feed.cursor().token()).isEqualTo("v30");
    assertThat(feed.isCaughtUp()).isTrue();
  }

  @Test
  void feed_requestsTheNextBatchWhileTheCurrentOneIsProcessed_oneAheadAtMost() throws Exception {
    CountDownLatch secondRequested = new CountDownLatch(1);
    server.onRequest(r -> {
      if ("v10".equals(r.param("from"))) {
        secondRequested.countDown();
      }
    });
    ExportFeed<Sample> feed = samples.export(ExportCursor.beginning());
    List<String> whileProcessingTheFirst = new ArrayList<>();
    List<Long> ids = new ArrayList<>();

    try (java.util.stream.Stream<Sample> stream = feed.stream()) {
      stream.forEach(r -> {
        if (r.id == 1) {
          try {
            // The sink is still on batch 1 while the server receives the request for batch 2.
            assertThat(secondRequested.await(5, TimeUnit.SECONDS)).isTrue();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          whileProcessingTheFirst.addAll(froms());
        }
        ids.add(r.id);
      });
    }

    assertThat(whileProcessingTheFirst).containsExactly(null, "v10");
    assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
    assertThat(froms()).containsExactly(null, "v10", "v20");
    assertThat(feed.batchCount()).isEqualTo(3);
    assertThat(feed.cursor().token()).isEqualTo("v30");
  }

  @Test
  void nextBatch_prefetchesTheFollowingBatch_andACaughtUpFeedRequestsNothingMore() {
    ExportFeed<Sample> feed = samples.export(ExportCursor.beginning());

    ExportBatch<Sample> first = feed.nextBatch();
    ExportBatch<Sample> second = feed.nextBatch();
    ExportBatch<Sample> third = feed.nextBatch();

    assertThat(first.items()).hasSize(10);
    assertThat(second.items()).extracting(Sample::id).startsWith(11L);
    assertThat(third.hasMore()).isFalse();
    assertThat(froms()).containsExactly(null, "v10", "v20");
    assertThat(feed.isCaughtUp()).isTrue();
  }

  @Test
  void prefetchOff_requestsABatchOnlyWhenItIsAskedFor() {
    ExportFeed<Sample> feed = samples.export(ExportCursor.beginning()).prefetch(false);

    feed.nextBatch();
    feed.nextBatch();

    assertThat(froms()).containsExactly(null, "v10");
  }

  @Test
  void resumingFromTheSavedToken_returnsOnlyNewerRecords() {
    ExportFeed<Sample> first = samples.export(ExportCursor.beginning());
    first.forEach(s -> { });
    String saved = first.cursor().token();
    for (long id = 31; id <= 35; id++) {
      server.put(TENANT, new Sample(id, "new-" + id));
    }
    server.put(TENANT, new Sample(3, "changed-3"));

    List<Sample> next = new ArrayList<>();
    samples.export(ExportCursor.from(saved)).forEach(next::add);

    assertThat(next).extracting(Sample::id).containsExactly(31L, 32L, 33L, 34L, 35L, 3L);
    assertThat(next.get(5).name).isEqualTo("changed-3");
  }

  @Test
  void aTransientFailure_isRetriedWithTheSameFrom_noRecordLostOrRepeated() {
    server.fail(SampleServer.exportKey("v10"), 503, 1);
    try (ServiceTitan twoAttempts = server.client(TENANT)
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build()) {

      List<Long> ids = new SampleRepository(twoAttempts).export(ExportCursor.beginning()).stream()
          .map(Sample::id).collect(Collectors.toList());

      assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
      assertThat(froms()).containsExactly(null, "v10", "v10", "v20");
    }
  }

  @Test
  void aTransientFailure_withRetryPolicyNone_failsTheFeedAfterOneRequestForThatBatch() {
    server.fail(SampleServer.exportKey("v10"), 503, 1);
    ExportFeed<Sample> feed = samples.export(ExportCursor.beginning());

    assertThatThrownBy(() -> feed.stream().forEach(s -> { }))
        .isInstanceOf(ServerException.class);

    assertThat(froms()).containsExactly(null, "v10");
    assertThat(feed.cursor().token()).isEqualTo("v10");
  }

  @Test
  void cursor_staysBeforeABatchWhoseLastRecordFailedInTheSink() {
    ExportFeed<Sample> feed = samples.export(ExportCursor.beginning());

    assertThatThrownBy(() -> feed.stream().forEach(s -> {
      if (s.id == 20) {
        throw new IllegalStateException("sink down");
      }
    })).hasMessage("sink down");

    // Batch 1 was fully processed; record 20 (last of batch 2) was not, so batch 2 is redone.
    assertThat(feed.cursor().token()).isEqualTo("v10");
    List<Long> rest = samples.export(feed.cursor()).stream().map(Sample::id)
        .collect(Collectors.toList());
    assertThat(rest).containsExactlyElementsOf(LongStream.rangeClosed(11, 30).boxed().toList());
  }

  @Test
  void nextBatch_advancesTheCursorOneBatchAtATime() {
    ExportFeed<Sample> feed = samples.export(ExportCursor.beginning());

    ExportBatch<Sample> b1 = feed.nextBatch();
    ExportBatch<Sample> b2 = feed.nextBatch();

    assertThat(b1.items()).hasSize(10);
    assertThat(b2.items()).extracting(Sample::id).startsWith(11L);
    assertThat(feed.cursor()).isEqualTo(b2.next());
    assertThat(b2.hasMore()).isTrue();
  }

  @Test
  void includeRecentChanges_andDateCursor_areSent() {
    samples.export(ExportCursor.since(LocalDate.of(2025, 1, 1))).includeRecentChanges(true)
        .nextBatch();

    SampleServer.Seen r = server.requests().get(0);
    assertThat(r.param("from")).isEqualTo("2025-01-01");
    assertThat(r.param("includeRecentChanges")).isEqualTo("true");
  }
}
