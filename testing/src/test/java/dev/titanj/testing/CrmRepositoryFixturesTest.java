package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.Active;
import dev.titanj.core.ServiceTitan;
import dev.titanj.crm.Crm;
import dev.titanj.crm.model.Customer;
import dev.titanj.crm.model.Location;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generated CRM repositories replayed from committed, masked fixtures
 * ({@code src/test/resources/titanj-fixtures/crm/repositories}); no network. Recorded with
 * {@code -Dtitanj.fixtures=record} against a {@link FakeServiceTitan} in place of a sandbox.
 */
@TitanFixtures(value = "crm/repositories", mask = {Mask.NAMES, Mask.PHONES, Mask.EMAILS, Mask.ADDRESSES})
class CrmRepositoryFixturesTest {

  @Test
  void listsTheFirstPageOfCustomers(ServiceTitan st) {
    var page = Crm.of(st).customers().query().pageSize(10).page(1);

    assertThat(page.items()).hasSize(10).allSatisfy(c -> assertThat(c.active()).contains(true));
    assertThat(page.hasMore()).isTrue();
  }

  @Test
  void findsACustomerAndItsLocations(ServiceTitan st) {
    Crm crm = Crm.of(st);

    Customer customer = crm.customers().findById(1_000_002L).orElseThrow();
    List<Location> locations = crm.locations().query().active(Active.ANY)
        .customerId(customer.id()).stream().collect(Collectors.toList());

    assertThat(customer.name()).isPresent();
    assertThat(locations).isNotEmpty()
        .allSatisfy(l -> assertThat(l.customerId()).contains(customer.id()));
    assertThat(crm.customers().findById(7L)).isEmpty();
  }
}
