package dev.titanj.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.ExportBatch;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.RateLimitException;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServerException;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanDecodingException;
import dev.titanj.core.TitanException;
import dev.titanj.core.support.FakeServiceTitanServer;
import dev.titanj.core.support.ManualClock;
import dev.titanj.core.support.RecordingSleeper;
import dev.titanj.core.support.TestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streams, feeds and single calls have one retry owner and one attempt budget each, and every
 * loop that follows the server ends.
 */
class BoundedRetryTest {
  private static final long TENANT = FakeServiceTitanServer.TENANT;

  @StartStop
  final MockWebServer server = new MockWebServer();

  final ManualClock clock = ManualClock.atEpochDay();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final List<RecordedRequest> api = Collections.synchronizedList(new ArrayList<>());
  volatile Function<RecordedRequest, MockResponse> handler = r -> page(r, 1, false);
  ServiceTitan st;
  SampleRepository samples;

  @BeforeEach
  void setUp() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/connect/token")) {
          return FakeServiceTitanServer.json(200, "{\"access_token\":\"t\",\"expires_in\":900}");
        }
        api.add(request);
        return handler.apply(request);
      }
    });
    use(RetryPolicy.defaults(), Duration.ofSeconds(120));
  }

  private void use(RetryPolicy policy, Duration callTimeout) {
    if (st != null) {
      st.close();
    }
    st = TestClients.builder(server, clock, sleeper).retryPolicy(policy).callTimeout(callTimeout)
        .cache(CacheSettings.disabled()).build();
    samples = new SampleRepository(st);
  }

  @AfterEach
  void tearDown() {
    st.close();
  }

  private static String records(long from, long to) {
    return LongStream.rangeClosed(from, to).mapToObj(i -> "{\"id\":" + i + ",\"name\":\"s" + i + "\"}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static MockResponse page(RecordedRequest r, int size, boolean hasMore) {
    int page = Integer.parseInt(r.getUrl().queryParameter("page"));
    long first = (page - 1L) * size + 1;
    return FakeServiceTitanServer.json(200, "{\"page\":" + page + ",\"pageSize\":" + size
        + ",\"hasMore\":" + hasMore + ",\"data\":" + records(first, first + size - 1) + "}");
  }

  private static MockResponse export(String continueFrom, boolean hasMore, String data) {
    return FakeServiceTitanServer.json(200, "{\"hasMore\":" + hasMore
        + (continueFrom == null ? "" : ",\"continueFrom\":\"" + continueFrom + "\"")
        + ",\"data\":" + data + "}");
  }

  private static MockResponse throttled(String retryAfter) {
    return new MockResponse.Builder().code(429).addHeader("Retry-After", retryAfter)
        .addHeader("Content-Type", "application/json").body("{\"title\":\"Too Many Requests\"}")
        .build();
  }

  private static MockResponse status(int code) {
    return FakeServiceTitanServer.json(code, "{\"title\":\"status " + code + "\",\"status\":"
        + code + "}");
  }

  private List<String> froms() {
    synchronized (api) {
      return api.stream().map(r -> r.getUrl().queryParameter("from")).collect(Collectors.toList());
    }
  }

  // ---- item 3: export feeds whose cursor does not move ------------------------------------

  @Test
  void exportFeed_whoseCursorDoesNotAdvance_endsWithATitanException() {
    handler = r -> export("v10", true, records(1, 10)); // continueFrom == the from sent, from batch 2

    ExportFeed<Sample> feed = samples.export(ExportCursor.beginning());
    List<Long> seen = new ArrayList<>();

    assertThatThrownBy(() -> feed.forEach(s -> seen.add(s.id)))
        .isInstanceOf(TitanException.class)
        .hasMessageContaining("continueFrom did not move");
    assertThat(api).hasSize(2);
    assertThat(froms()).containsExactly(null, "v10");
    assertThat(seen).hasSize(10);
    assertThat(feed.cursor().token()).isEqualTo("v10");
  }

  @Test
  void exportFeed_whoseContinueFromIsMissing_endsWithATitanException() {
    handler = r -> export(null, true, records(1, 10));

    ExportFeed<Sample> feed = samples.export(ExportCursor.from("abc"));

    assertThatThrownBy(() -> feed.stream().count()).isInstanceOf(TitanException.class);
    assertThat(api).hasSize(1);
    assertThat(feed.cursor().token()).isEqualTo("abc");
  }

  @Test
  void exportFeed_emptyBatchThatClaimsMore_endsTheRunAfterOneRequest() {
    handler = r -> export("v" + (api.size() + 1), true, "[]");

    ExportFeed<Sample> feed = samples.export(ExportCursor.beginning());

    assertThat(feed.stream().count()).isZero();
    assertThat(api).hasSize(1);
    assertThat(feed.isCaughtUp()).isFalse();
  }

  @Test
  void exportFeed_emptyBatchThatClaimsMoreWithoutMoving_endsWithATitanException() {
    handler = r -> export("v5", true, "[]");

    ExportFeed<Sample> feed = samples.export(ExportCursor.from("v5"));

    assertThatThrownBy(() -> feed.stream().count()).isInstanceOf(TitanException.class);
    assertThat(api).hasSize(1);
  }

  @Test
  void nextBatch_whoseCursorDoesNotAdvance_throwsInsteadOfLettingTheCallerLoop() {
    handler = r -> export("v10", true, records(1, 10));
    ExportFeed<Sample> feed = samples.export(ExportCursor.beginning());

    ExportBatch<Sample> first = feed.nextBatch();
    assertThat(first.items()).hasSize(10);

    assertThatThrownBy(feed::nextBatch).isInstanceOf(TitanException.class);
    assertThat(feed.cursor().token()).isEqualTo("v10");
  }

  // ---- item 4: one retry owner, one budget -------------------------------------------------

  @Test
  void stream_withRetryAfterBeyondMaxRetryAfter_endsAtOnceWithRateLimitException() {
    handler = r -> throttled("3600");

    assertThatThrownBy(() -> samples.query().stream().count())
        .isInstanceOfSatisfying(RateLimitException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
    assertThat(api).hasSize(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void exportFeed_withRetryAfterBeyondMaxRetryAfter_endsAtOnceWithRateLimitException() {
    handler = r -> throttled("3600");

    assertThatThrownBy(() -> samples.export(ExportCursor.beginning()).stream().count())
        .isInstanceOf(RateLimitException.class);
    assertThat(api).hasSize(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void stream_throttledPage_costsAtMostMaxAttemptsRequests() {
    handler = r -> throttled("29");

    assertThatThrownBy(() -> samples.query().stream().count())
        .isInstanceOf(RateLimitException.class);
    assertThat(api).hasSize(4);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(29), Duration.ofSeconds(29),
        Duration.ofSeconds(29));
  }

  @Test
  void stream_throttledPage_neverWaitsBeyondTheCallTimeout() {
    use(RetryPolicy.defaults(), Duration.ofSeconds(60));
    handler = r -> throttled("29");

    assertThatThrownBy(() -> samples.query().stream().count())
        .isInstanceOf(RateLimitException.class);
    // 29 + 29 = 58 s fit in 60 s; a third wait would end at 87 s and is not started.
    assertThat(api).hasSize(3);
    assertThat(sleeper.total()).isLessThan(Duration.ofSeconds(60));
  }

  @Test
  void exportFeed_throttledBatch_costsAtMostMaxAttemptsRequests() {
    handler = r -> throttled("29");

    assertThatThrownBy(() -> samples.export(ExportCursor.beginning()).stream().count())
        .isInstanceOf(RateLimitException.class);
    assertThat(api).hasSize(4);
    assertThat(sleeper.sleeps()).hasSize(3);
  }

  @Test
  void stream_withRetryPolicyNone_sendsOneRequestForAFailingPage() {
    use(RetryPolicy.none(), Duration.ofSeconds(120));
    handler = r -> status(503);

    assertThatThrownBy(() -> samples.query().stream().count())
        .isInstanceOf(ServerException.class);
    assertThat(api).hasSize(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void exportFeed_withRetryPolicyNone_sendsOneRequestForAFailingBatch() {
    use(RetryPolicy.none(), Duration.ofSeconds(120));
    handler = r -> status(503);

    assertThatThrownBy(() -> samples.export(ExportCursor.beginning()).stream().count())
        .isInstanceOf(ServerException.class);
    assertThat(api).hasSize(1);
  }

  @Test
  void stream_pageAnswered500Or501_isNeverRetried() {
    for (int code : new int[] {500, 501}) {
      api.clear();
      handler = r -> status(code);

      assertThatThrownBy(() -> samples.query().stream().count())
          .isInstanceOfSatisfying(ServerException.class,
              e -> assertThat(e.status()).isEqualTo(code));
      assertThat(api).hasSize(1);
    }
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void stream_transientFailureOfOnePage_isRetriedWithinTheOneBudget_noRecordLostOrRepeated() {
    handler = r -> {
      int page = Integer.parseInt(r.getUrl().queryParameter("page"));
      long tries = api.stream().filter(x -> x.getUrl().queryParameter("page").equals("2")).count();
      if (page == 2 && tries <= 2) {
        return status(503);
      }
      return page(r, 10, page < 3);
    };

    List<Long> ids = samples.query().pageSize(10).prefetch(false).stream().map(Sample::id)
        .collect(Collectors.toList());

    assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
    assertThat(api).extracting(r -> r.getUrl().queryParameter("page"))
        .containsExactly("1", "2", "2", "2", "3");
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  // ---- Retry-After in the past, null bodies ------------------------------------------------

  @Test
  void retryAfterDateInThePast_waitsTheNormalBackoffInsteadOfRetryingAtOnce() {
    String past = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
        .format(clock.instant().minusSeconds(30).atOffset(java.time.ZoneOffset.UTC));
    handler = r -> api.size() <= 2 ? throttled(past) : FakeServiceTitanServer.json(200,
        "{\"id\":1,\"name\":\"s1\"}");

    assertThat(samples.findById(1)).isPresent();

    assertThat(sleeper.sleeps()).hasSize(2)
        .allSatisfy(d -> assertThat(d).isPositive());
    assertThat(sleeper.sleeps().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(sleeper.sleeps().get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void getById_answered200WithBodyNull_failsWithTitanDecodingExceptionNamingTheEmptyBody() {
    handler = r -> FakeServiceTitanServer.json(200, "null");

    assertThatThrownBy(() -> samples.getById(1))
        .isInstanceOf(TitanDecodingException.class)
        .hasMessageContaining("Sample")
        .hasMessageContaining("empty body")
        .hasMessageNotContaining("404");
    assertThatThrownBy(() -> samples.findById(1)).isInstanceOf(TitanDecodingException.class);
  }

  @Test
  void update_answered200WithBodyNull_failsWithTitanDecodingExceptionInsteadOfReturningNull() {
    handler = r -> FakeServiceTitanServer.json(200, "null");

    assertThatThrownBy(() -> samples.renameEvictingAll(1, "x"))
        .isInstanceOf(TitanDecodingException.class)
        .hasMessageContaining("PATCH /test/v2/tenant/" + TENANT + "/samples/1")
        .hasMessageContaining("empty body");
  }
}
