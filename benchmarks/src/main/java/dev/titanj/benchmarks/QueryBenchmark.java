package dev.titanj.benchmarks;

import dev.titanj.core.Active;
import dev.titanj.core.Environment;
import dev.titanj.core.QueryParams;
import dev.titanj.core.ServiceTitan;
import dev.titanj.crm.Crm;
import dev.titanj.crm.CustomerRepository;
import dev.titanj.crm.CustomerSort;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Building a {@code CustomerQuery} with several filters and turning it into wire parameters
 * (no request is made): the immutable builder, validation and formatting, and optionally the
 * encoded query string OkHttp puts on the wire.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QueryBenchmark {
  private static final Instant SINCE = Instant.parse("2025-01-01T00:00:00Z");
  private static final HttpUrl BASE =
      HttpUrl.get("https://api.servicetitan.io/crm/v2/tenant/1234567/customers");

  ServiceTitan st;
  CustomerRepository customers;

  @Setup
  public void setUp() {
    // Never contacted: building a query makes no request.
    URI nowhere = URI.create("http://127.0.0.1:9");
    st = ServiceTitan.builder().environment(Environment.custom(nowhere, nowhere))
        .clientCredentials("id", "secret").appKey("key").tenant(1_234_567L).build();
    customers = Crm.of(st).customers();
  }

  @TearDown
  public void tearDown() {
    st.close();
  }

  @Benchmark
  public QueryParams queryParameters() {
    return customers.query()
        .active(Active.ANY)
        .modifiedOnOrAfter(SINCE)
        .name("Acme Holdings")
        .city("Austin")
        .zip("78701")
        .ids(List.of(1L, 2L, 3L, 5L, 8L, 13L))
        .sort(CustomerSort.MODIFIED_ON.ascending())
        .pageSize(500)
        .parameters();
  }

  @Benchmark
  public HttpUrl queryString() {
    QueryParams params = queryParameters();
    HttpUrl.Builder url = BASE.newBuilder();
    params.asMap().forEach((name, values) -> {
      for (String value : values) {
        url.addQueryParameter(name, value);
      }
    });
    return url.build();
  }
}
