package dev.titanj.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.Active;
import dev.titanj.core.Environment;
import dev.titanj.core.RateLimit;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import dev.titanj.crm.Crm;
import dev.titanj.crm.model.Customer;
import dev.titanj.reliability.FaultProxy.Fault;
import dev.titanj.testing.FakeServiceTitan;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A 10,000-record stream and a 10,000-record export feed through a proxy that answers 10% of
 * the requests (seeded) with a transient fault: every record arrives exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ExactlyOnceUnderFaultsTest {
  static final int RECORDS = 10_000;
  static final double FAULT_RATE = 0.10;
  static final Fault[] TRANSIENT = {Fault.RATE_LIMIT_NO_HEADER, Fault.RATE_LIMIT_SECONDS,
      Fault.RATE_LIMIT_DATE, Fault.BAD_GATEWAY, Fault.UNAVAILABLE, Fault.GATEWAY_TIMEOUT,
      Fault.DROP_MID_BODY, Fault.TRUNCATE};

  private FakeServiceTitan fake;
  private Set<Long> expected;

  @BeforeAll
  void start() {
    fake = FakeServiceTitan.start(FakeServiceTitan.Options.defaults().customers(RECORDS)
        .exportBatchSize(100).requestLogLimit(100));
    expected = fake.records("crm/customers").stream()
        .map(r -> ((Number) r.get("id")).longValue()).collect(Collectors.toSet());
    assertThat(expected).hasSize(RECORDS);
  }

  @AfterAll
  void stop() {
    fake.close();
  }

  private ServiceTitan client(FaultProxy proxy, RecordingSleeper sleeper) {
    return fake.clientBuilder()
        .environment(Environment.custom(proxy.baseUrl(), proxy.baseUrl()))
        .retryPolicy(RetryPolicy.defaults())
        .rateLimit(RateLimit.unlimited())
        .sleeper(sleeper)
        .build();
  }

  private static Map<Fault, Long> injected(FaultProxy proxy) {
    Map<Fault, Long> out = new EnumMap<>(Fault.class);
    for (Fault f : TRANSIENT) {
      out.put(f, proxy.count(f));
    }
    return out;
  }

  @Test
  void stream_of10000Customers_under10PercentFaults_deliversEveryRecordExactlyOnce() {
    RecordingSleeper sleeper = new RecordingSleeper();
    try (FaultProxy proxy = new FaultProxy(fake.baseUrl())
        .rule(FaultProxy.random(42, FAULT_RATE, TRANSIENT));
        ServiceTitan st = client(proxy, sleeper)) {
      List<Long> ids = Crm.of(st).customers().query().active(Active.ANY).pageSize(100).stream()
          .map(Customer::id).collect(Collectors.toList());

      assertThat(ids).hasSize(RECORDS).doesNotHaveDuplicates();
      assertThat(Set.copyOf(ids)).isEqualTo(expected);
      long faults = injected(proxy).values().stream().mapToLong(Long::longValue).sum();
      assertThat(faults).isGreaterThanOrEqualTo(5);
      System.out.printf("[reliability] stream: %d requests, %d faults %s, %d waits (%s total,"
              + " none slept)%n", proxy.seen().size(), faults, injected(proxy),
          sleeper.waits().size(), sleeper.total());
    }
  }

  @Test
  void exportFeed_of10000Customers_under10PercentFaults_deliversEveryRecordExactlyOnce() {
    RecordingSleeper sleeper = new RecordingSleeper();
    try (FaultProxy proxy = new FaultProxy(fake.baseUrl())
        .rule(FaultProxy.random(7, FAULT_RATE, TRANSIENT));
        ServiceTitan st = client(proxy, sleeper)) {
      List<Long> ids = Crm.of(st).customers().export().stream()
          .map(Customer::id).collect(Collectors.toList());

      assertThat(ids).hasSize(RECORDS).doesNotHaveDuplicates();
      assertThat(Set.copyOf(ids)).isEqualTo(expected);
      long faults = injected(proxy).values().stream().mapToLong(Long::longValue).sum();
      assertThat(faults).isGreaterThanOrEqualTo(5);
      System.out.printf("[reliability] export: %d requests, %d faults %s, %d waits (%s total,"
              + " none slept)%n", proxy.seen().size(), faults, injected(proxy),
          sleeper.waits().size(), sleeper.total());
    }
  }
}
