package dev.titanj.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.titanj.core.Environment;
import dev.titanj.core.RateLimit;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanIOException;
import dev.titanj.crm.Crm;
import dev.titanj.crm.model.CreateCustomerRequest;
import dev.titanj.crm.model.CustomerAddress;
import dev.titanj.crm.model.NewLocation;
import dev.titanj.reliability.FaultProxy.Fault;
import dev.titanj.testing.FakeServiceTitan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A POST whose connection drops after the server received it is not replayed by default, and
 * the caller learns that it may or may not have been applied.
 */
@Timeout(30)
class AmbiguousWriteTest {
  private final FakeServiceTitan fake = FakeServiceTitan.start(
      FakeServiceTitan.Options.defaults().customers(10));
  private final FaultProxy proxy = new FaultProxy(fake.baseUrl());
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @AfterEach
  void stop() {
    proxy.close();
    fake.close();
  }

  private static CreateCustomerRequest newCustomer() {
    CustomerAddress address = CustomerAddress.builder().street("1 Main St").city("Springfield")
        .state("IL").zip("62701").country("USA").build();
    return CreateCustomerRequest.builder().name("Ambiguous Write Co").address(address)
        .addLocations(NewLocation.builder().name("HQ").address(address).build()).build();
  }

  private ServiceTitan client(RetryPolicy policy) {
    return fake.clientBuilder()
        .environment(Environment.custom(proxy.baseUrl(), proxy.baseUrl()))
        .retryPolicy(policy).rateLimit(RateLimit.unlimited()).sleeper(sleeper).build();
  }

  private long posts() {
    return fake.requests().stream().filter(r -> r.method().equals("POST")
        && r.path().endsWith("/customers")).count();
  }

  @Test
  void post_droppedAfterTheRequestWasSent_isNotReplayed_andMayHaveBeenApplied() {
    proxy.rule((r, i) -> r.getMethod().equals("POST") && !FaultProxy.isToken(r)
        ? Fault.DROP_BEFORE_RESPONSE : Fault.NONE);
    int before = fake.records("crm/customers").size();
    try (ServiceTitan st = client(RetryPolicy.defaults())) {
      TitanIOException e = catchThrowableOfType(TitanIOException.class,
          () -> Crm.of(st).customers().create(newCustomer()));

      assertThat(e.mayHaveBeenApplied()).isTrue();
      assertThat(e).hasMessageContaining("may or may not have been applied")
          .hasMessageContaining("POST /crm/v2/tenant/" + fake.tenantId() + "/customers");
    }
    assertThat(posts()).isEqualTo(1);
    assertThat(sleeper.waits()).isEmpty();
    // It was in fact applied: exactly once.
    assertThat(fake.records("crm/customers")).hasSize(before + 1);
  }

  @Test
  void post_droppedMidResponseBody_isNotReplayed_andMayHaveBeenApplied() {
    try (ServiceTitan st = fake.clientBuilder().retryPolicy(RetryPolicy.defaults())
        .sleeper(sleeper).build()) {
      fake.faults().dropConnectionMidBody(1);
      TitanIOException e = catchThrowableOfType(TitanIOException.class,
          () -> Crm.of(st).customers().create(newCustomer()));
      assertThat(e.mayHaveBeenApplied()).isTrue();
      assertThat(e).hasMessageContaining("may or may not have been applied");
    }
    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void post_answered503_isNotReplayedByDefault() {
    proxy.rule((r, i) -> r.getMethod().equals("POST") && !FaultProxy.isToken(r)
        ? Fault.UNAVAILABLE : Fault.NONE);
    try (ServiceTitan st = client(RetryPolicy.defaults())) {
      catchThrowableOfType(dev.titanj.core.ServerException.class,
          () -> Crm.of(st).customers().create(newCustomer()));
    }
    assertThat(proxy.count(Fault.UNAVAILABLE)).isEqualTo(1);
  }

  @Test
  void post_rateLimited_isRetried_becauseTheServerDidNotProcessIt() {
    proxy.rule(FaultProxy.firstN(1, Fault.RATE_LIMIT_SECONDS));
    try (ServiceTitan st = client(RetryPolicy.defaults())) {
      assertThat(Crm.of(st).customers().create(newCustomer()).id()).isPositive();
    }
    assertThat(posts()).isEqualTo(1); // the 429 never reached the fake
  }

  @Test
  void post_droppedAfterSending_isReplayed_whenTheCallerOptsIn() {
    proxy.rule(new FaultProxy.Rule() {
      private boolean dropped;

      @Override
      public synchronized Fault choose(mockwebserver3.RecordedRequest r, int i) {
        if (r.getMethod().equals("POST") && !FaultProxy.isToken(r) && !dropped) {
          dropped = true;
          return Fault.DROP_BEFORE_RESPONSE;
        }
        return Fault.NONE;
      }
    });
    int before = fake.records("crm/customers").size();
    try (ServiceTitan st = client(RetryPolicy.builder().retryNonIdempotent(true).build())) {
      assertThat(Crm.of(st).customers().create(newCustomer()).id()).isPositive();
    }
    assertThat(posts()).isEqualTo(2);
    // The price of opting in: the write was applied twice.
    assertThat(fake.records("crm/customers")).hasSize(before + 2);
  }
}
