package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.Active;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.ServiceTitan;
import dev.titanj.testing.support.RawCustomers;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs from the committed fixtures in {@code src/test/resources/titanj-fixtures/crm/customers}
 * (replay, no network). They were recorded with {@code -Dtitanj.fixtures=record} against a
 * {@link FakeServiceTitan} standing in for a sandbox tenant, with every personal-data mask on.
 */
@TitanFixtures(value = "crm/customers", mask = {Mask.NAMES, Mask.PHONES, Mask.EMAILS, Mask.ADDRESSES})
class CustomerFixturesReplayTest {

  @Test
  void streamsActiveCustomersAcrossPages(ServiceTitan st) {
    List<Long> ids = new RawCustomers(st).query().active(Active.TRUE).pageSize(4).limit(10)
        .stream().map(RawCustomers::id).collect(Collectors.toList());

    assertThat(ids).hasSize(10).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void findsOneCustomer_andNotAnUnknownOne(ServiceTitan st, FixtureSession session) {
    RawCustomers customers = new RawCustomers(st);

    Map<String, Object> c = customers.findById(1_000_002L).orElseThrow();
    assertThat(customers.findById(1L)).isEmpty();
    if (session.mode() == FixtureMode.REPLAY) { // personal data was masked when recorded
      assertThat((String) c.get("name")).startsWith("Name ");
      assertThat(((Map<?, ?>) c.get("address")).get("zip")).isEqualTo("00000");
    }
  }

  @Test
  void exportsChangesInBatches(ServiceTitan st) {
    ExportFeed<Map<String, Object>> feed = new RawCustomers(st).export(ExportCursor.since(
        java.time.LocalDate.parse("2024-11-01")));

    List<Long> ids = feed.stream().map(RawCustomers::id).collect(Collectors.toList());

    assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
    assertThat(feed.cursor().isBeginning()).isFalse();
  }
}
