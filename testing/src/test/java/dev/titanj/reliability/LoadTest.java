package dev.titanj.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.ExportBatch;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.RateLimit;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.crm.Crm;
import dev.titanj.crm.CustomerRepository;
import dev.titanj.crm.model.Customer;
import dev.titanj.testing.FakeServiceTitan;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 64 threads share one client for a mix of findById, query pages and export batches against
 * the fake server: no errors, one token request, and a bounded number of TCP connections.
 * Calls per thread default to 500 (32,000 calls, about 25 s on a busy 2-core machine); the full
 * 64 x 2,000 runs with {@code -Dtitanj.load.callsPerThread=2000}.
 */
class LoadTest {
  static final int THREADS = 64;
  static final int CALLS_PER_THREAD = Integer.getInteger("titanj.load.callsPerThread", 500);

  @Test
  @Timeout(300)
  void sixtyFourThreads_throughOneClient_noErrors_oneToken_boundedConnections() throws Exception {
    AtomicLong connectsStarted = new AtomicLong();
    AtomicInteger peakPooled = new AtomicInteger();
    ConnectionPool pool = new ConnectionPool(THREADS, 5, java.util.concurrent.TimeUnit.MINUTES);
    OkHttpClient base = new OkHttpClient.Builder()
        .connectionPool(pool)
        .eventListener(new EventListener() {
          @Override
          public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
            connectsStarted.incrementAndGet();
          }
        })
        .build();
    try (FakeServiceTitan fake = FakeServiceTitan.start(FakeServiceTitan.Options.defaults()
        .customers(500).exportBatchSize(20).requestLogLimit(1));
        ServiceTitan st = fake.clientBuilder()
            .retryPolicy(RetryPolicy.defaults())
            .rateLimit(RateLimit.unlimited())
            .httpClient(base)
            .build()) {
      List<Long> ids = new ArrayList<>();
      fake.records("crm/customers").forEach(r -> ids.add(((Number) r.get("id")).longValue()));
      CustomerRepository customers = Crm.of(st).customers();
      List<String> exportTokens = new ArrayList<>();
      ExportCursor c = ExportCursor.beginning();
      for (int i = 0; i < 10; i++) {
        exportTokens.add(c.token());
        ExportBatch<Customer> b = customers.export(c).nextBatch();
        c = b.next();
      }

      Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
      AtomicLong records = new AtomicLong();
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < THREADS; t++) {
        long seed = t;
        done.add(threads.submit(() -> {
          SplittableRandom random = new SplittableRandom(seed);
          go.await();
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            try {
              switch (i % 3) {
                case 0:
                  long id = ids.get(random.nextInt(ids.size()));
                  if (customers.findById(id).orElseThrow().id() != id) {
                    throw new AssertionError("wrong record for " + id);
                  }
                  records.incrementAndGet();
                  break;
                case 1:
                  records.addAndGet(customers.query().active(dev.titanj.core.Active.ANY)
                      .pageSize(10).page(1 + random.nextInt(50)).items().size());
                  break;
                default:
                  String from = exportTokens.get(random.nextInt(exportTokens.size()));
                  records.addAndGet(customers.export(ExportCursor.from(from)).nextBatch()
                      .items().size());
                  break;
              }
            } catch (Throwable e) {
              errors.add(e);
            }
            peakPooled.accumulateAndGet(pool.connectionCount(), Math::max);
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      threads.shutdown();
      double seconds = (System.nanoTime() - start) / 1e9;
      long calls = (long) THREADS * CALLS_PER_THREAD;

      assertThat(errors).isEmpty();
      assertThat(fake.tokenRequestCount()).isEqualTo(1);
      assertThat(st.tokenRequestCount()).isEqualTo(1);
      assertThat(TitanContext.of(st).connectionPool()).isSameAs(pool);
      // Plain HTTP/1.1: one connection per call in flight, reused afterwards; calls in flight
      // are the callers' own plus, for streams, the paging pool's pages ahead.
      int inFlight = THREADS + TitanContext.PAGING_THREADS;
      assertThat(peakPooled.get()).isLessThanOrEqualTo(inFlight);
      assertThat(connectsStarted.get()).isLessThanOrEqualTo(inFlight + 1);
      System.out.printf("[reliability] load: %d threads x %d calls = %d calls in %.1f s"
              + " (%.0f calls/s), %d records, 0 errors, 1 token request, %d connections opened,"
              + " peak pool %d%n", THREADS, CALLS_PER_THREAD, calls, seconds, calls / seconds,
          records.get(), connectsStarted.get(), peakPooled.get());
    } finally {
      base.dispatcher().executorService().shutdown();
      pool.evictAll();
    }
  }

}
