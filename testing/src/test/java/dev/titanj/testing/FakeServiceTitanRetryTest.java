package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import dev.titanj.testing.support.RawCustomers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Injected faults are observable through core's retry policy, with no real sleeping. */
class FakeServiceTitanRetryTest {
  @RegisterExtension
  final FakeServiceTitanExtension fake = FakeServiceTitanExtension.withOptions(
      FakeServiceTitan.Options.defaults());

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  private ServiceTitan retryingClient() {
    return fake.server().clientBuilder().retryPolicy(RetryPolicy.defaults())
        .sleeper(sleeps::add).build();
  }

  @Test
  void rateLimit_isRetriedAfterTheServersRetryAfter() {
    try (ServiceTitan st = retryingClient()) {
      RawCustomers customers = new RawCustomers(st);
      fake.server().faults().rateLimitEvery(2, Duration.ofSeconds(3));
      customers.query().first();                         // 1st resource request: 200

      assertThat(customers.query().first()).isPresent(); // 2nd: 429, retried as the 3rd

      assertThat(sleeps).contains(Duration.ofSeconds(3));
      assertThat(fake.server().requests().stream().map(LoggedRequest::status)
          .collect(Collectors.toList())).containsSubsequence(200, 429, 200);
    }
  }

  @Test
  void serverErrorBurst_shorterThanTheAttemptBudget_isAbsorbed() {
    try (ServiceTitan st = retryingClient()) {
      RawCustomers customers = new RawCustomers(st);
      customers.query().first();
      fake.server().faults().serverErrors(2);

      assertThat(customers.query().active(dev.titanj.core.Active.ANY).toList())
          .hasSize(fake.server().records("crm/customers").size());
      assertThat(fake.server().requests()).extracting(LoggedRequest::status).contains(503);
      assertThat(sleeps).hasSize(2);
    }
  }
}
