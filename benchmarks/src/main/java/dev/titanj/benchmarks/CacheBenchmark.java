package dev.titanj.benchmarks;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.ServiceTitan;
import dev.titanj.crm.Crm;
import dev.titanj.crm.CustomerRepository;
import dev.titanj.crm.model.Customer;
import dev.titanj.testing.FakeServiceTitan;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A cache-hit {@code findById}: a client against the fake server with {@code crm.customers}
 * cached (embedded Ehcache through JCache), warmed with 1,000 customers, reading them back in
 * turn. Sampled per call, so the result has percentiles (the target is on the median).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CacheBenchmark {
  FakeServiceTitan fake;
  ServiceTitan st;
  CustomerRepository customers;
  long[] ids;
  int next;
  long requestsAfterWarmUp;

  @Setup
  public void setUp() {
    fake = FakeServiceTitan.start(FakeServerMain.options(1_000, 10));
    st = fake.clientBuilder()
        .cache(CacheSettings.builder()
            .resource("crm.customers", CacheSettings.Resource.on(Duration.ofHours(1), 10_000))
            .build())
        .build();
    customers = Crm.of(st).customers();
    List<Long> all = customers.query().active(dev.titanj.core.Active.ANY).pageSize(1000)
        .stream().map(Customer::id).collect(Collectors.toList());
    ids = all.stream().mapToLong(Long::longValue).toArray();
    for (long id : ids) {
      customers.findById(id).orElseThrow();
    }
    requestsAfterWarmUp = FakeServerMain.allRequests(fake);
  }

  @TearDown
  public void tearDown() {
    long extra = FakeServerMain.allRequests(fake) - requestsAfterWarmUp;
    st.close();
    fake.close();
    if (extra != 0) {
      throw new IllegalStateException(extra + " findById calls missed the cache");
    }
  }

  @Benchmark
  public Optional<Customer> findByIdCacheHit() {
    int i = next;
    next = i + 1 == ids.length ? 0 : i + 1;
    return customers.findById(ids[i]);
  }
}
