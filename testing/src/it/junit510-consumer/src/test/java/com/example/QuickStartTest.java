package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.Active;
import dev.titanj.core.ServiceTitan;
import dev.titanj.crm.Crm;
import dev.titanj.crm.CustomerSort;
import dev.titanj.crm.model.Customer;
import dev.titanj.testing.FakeServiceTitan;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's quick start, as written there, in a user's project: it finds data. */
class QuickStartTest {
  @Test
  void quickStart_findsACustomerAndStreamsRecentOnes() {
    try (FakeServiceTitan sandbox = FakeServiceTitan.start();
         ServiceTitan st = ServiceTitan.fromEnv(sandbox.environmentVariables())) {  // your tenant: fromEnv()
      Crm crm = Crm.of(st);

      Customer first = crm.customers().query().first().orElseThrow();   // one request, pageSize=1
      Customer same = crm.customers().getById(first.id());              // by an id that exists
      System.out.println(same.name().orElse("?") + " has balance " + same.balance().orElseThrow());

      long count;
      try (Stream<Customer> recent = crm.customers().query()
              .active(Active.ANY)
              .modifiedOnOrAfter(Instant.parse("2020-01-01T00:00:00Z"))
              .sort(CustomerSort.MODIFIED_ON.ascending())
              .pageSize(500)
              .limit(1_000)
              .stream()) {
          count = recent.count();
          System.out.println(count + " customers modified since 2020");
      }

      assertThat(same.id()).isEqualTo(first.id());
      assertThat(count).isPositive();
    }
  }
}
