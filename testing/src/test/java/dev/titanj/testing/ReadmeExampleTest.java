package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.Active;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.RateLimitException;
import dev.titanj.core.ServiceTitan;
import dev.titanj.crm.Crm;
import dev.titanj.crm.model.UpdateCustomerRequest;
import dev.titanj.testing.FakeServiceTitan;
import dev.titanj.testing.FakeServiceTitanExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The example of the docs/testing.md (the README section "Testing your code offline" shows its first test), compiled and run. */
class ReadmeExampleTest {
  // An instance field gives every test a fresh server, so writes don't leak between tests.
  // Make the field static to share one server across the class.
  @RegisterExtension
  final FakeServiceTitanExtension fake = FakeServiceTitanExtension.withOptions(
      FakeServiceTitan.Options.defaults().customers(300).invoices(1_000).seed(42));

  @Test
  void syncReadsEveryActiveCustomerOnce(ServiceTitan st, FakeServiceTitan server) {
    long active = server.records("crm/customers").stream()
        .filter(c -> Boolean.TRUE.equals(c.get("active"))).count();

    long synced = Crm.of(st).customers().query().pageSize(200).stream().count(); // your sync here

    assertThat(synced).isEqualTo(active);
    assertThat(server.tokenRequestCount()).isEqualTo(1);   // one token for the whole run
  }

  @Test
  void exportResumesWhereTheLastRunStopped(ServiceTitan st) {
    var customers = Crm.of(st).customers();
    var feed = customers.export(ExportCursor.beginning());
    feed.stream().forEach(c -> { });
    String saved = feed.cursor().token();               // persist this between runs

    customers.update(1_000_001L, UpdateCustomerRequest.builder().name("Renamed").build());

    assertThat(customers.export(ExportCursor.from(saved)).stream())
        .extracting(c -> c.id()).containsExactly(1_000_001L);
  }

  @Test
  void surfacesThrottling(ServiceTitan st, FakeServiceTitan server) {
    server.faults().rateLimitEvery(1, Duration.ofSeconds(5));   // every request gets 429

    // The client the extension hands out does not retry, so the fault surfaces at once.
    assertThatThrownBy(() -> Crm.of(st).customers().query().active(Active.ANY).first())
        .isInstanceOf(RateLimitException.class);
  }
}
