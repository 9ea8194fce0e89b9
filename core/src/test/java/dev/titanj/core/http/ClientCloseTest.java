package dev.titanj.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanException;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.core.query.SampleRepository;
import dev.titanj.core.support.FakeServiceTitanServer;
import dev.titanj.core.support.ManualClock;
import dev.titanj.core.support.RecordingSleeper;
import dev.titanj.core.support.TestClients;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code close()} leaves nothing behind: calls in flight are cancelled, pooled connections are
 * closed and the family's threads end, once the last client of the family (a client and its
 * {@code withTenant} clients) is closed.
 */
class ClientCloseTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final ManualClock clock = ManualClock.atEpochDay();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  /** Requests to {@code /samples/99} wait here until the test ends. */
  final CountDownLatch release = new CountDownLatch(1);
  volatile CountDownLatch arrived = new CountDownLatch(0);
  final ExecutorService callers = java.util.concurrent.Executors.newCachedThreadPool();

  @BeforeEach
  void setUp() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/connect/token")) {
          return FakeServiceTitanServer.json(200, "{\"access_token\":\"t\",\"expires_in\":900}");
        }
        if (path.endsWith("/samples/99")) {
          arrived.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return FakeServiceTitanServer.json(200, "{\"id\":1,\"name\":\"s1\"}");
      }
    });
  }

  @AfterEach
  void tearDown() {
    release.countDown();
    callers.shutdownNow();
  }

  private ServiceTitan client() {
    return TestClients.builder(server, clock, sleeper).retryPolicy(RetryPolicy.none())
        .cache(CacheSettings.disabled()).build();
  }

  private List<CompletableFuture<Object>> callsInFlight(ServiceTitan st, int n) throws Exception {
    arrived = new CountDownLatch(n);
    SampleRepository samples = new SampleRepository(st);
    samples.findById(1); // token and one pooled connection first
    List<CompletableFuture<Object>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> samples.findById(99), callers));
    }
    assertThat(arrived.await(10, TimeUnit.SECONDS)).as("all calls reached the server").isTrue();
    return calls;
  }

  private static Throwable failureOf(CompletableFuture<Object> call) throws Exception {
    try {
      call.get(10, TimeUnit.SECONDS);
      return null;
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void close_withFiveCallsInFlight_cancelsThemAndLeavesNoConnectionOpen() throws Exception {
    ServiceTitan st = client();
    TitanContext ctx = TitanContext.of(st);
    List<CompletableFuture<Object>> calls = callsInFlight(st, 5);
    assertThat(ctx.connectionPool().connectionCount()).isGreaterThanOrEqualTo(5);

    st.close();

    for (CompletableFuture<Object> call : calls) {
      assertThat(failureOf(call)).isInstanceOf(TitanException.class)
          .hasMessageNotContaining(FakeServiceTitanServer.CLIENT_SECRET);
    }
    assertThat(ctx.connectionPool().connectionCount()).as("connections after close()").isZero();
    assertThat(ctx.pagingExecutor().awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> new SampleRepository(st).findById(1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void close_ofOneWithTenantClient_leavesTheOthersWorking_andTheLastCloseReleasesTheFamily()
      throws Exception {
    ServiceTitan parent = client();
    ServiceTitan child = parent.withTenant(7, "client-7", "secret-7");
    TitanContext family = TitanContext.of(parent);
    new SampleRepository(parent).findById(1);

    parent.close();

    assertThatThrownBy(() -> new SampleRepository(parent).findById(1))
        .isInstanceOf(IllegalStateException.class);
    assertThat(new SampleRepository(child).findById(1)).isPresent();
    assertThat(family.pagingExecutor().isShutdown()).isFalse();
    List<CompletableFuture<Object>> calls = callsInFlight(child, 3);

    child.close();

    for (CompletableFuture<Object> call : calls) {
      assertThat(failureOf(call)).isInstanceOf(TitanException.class);
    }
    assertThat(family.pagingExecutor().isShutdown()).isTrue();
    assertThat(family.pagingExecutor().awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(family.connectionPool().connectionCount()).isZero();
    assertThatThrownBy(() -> new SampleRepository(child).findById(1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> child.withTenant(8, "c", "s"))
        .isInstanceOf(IllegalStateException.class);
  }
}
