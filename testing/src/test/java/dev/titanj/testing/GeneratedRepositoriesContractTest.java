package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.accounting.Accounting;
import dev.titanj.accounting.model.ActiveStateFilterType;
import dev.titanj.accounting.model.Invoice;
import dev.titanj.core.Active;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.ServiceTitan;
import dev.titanj.crm.Crm;
import dev.titanj.crm.CustomerRepository;
import dev.titanj.crm.CustomerSort;
import dev.titanj.crm.model.Customer;
import dev.titanj.crm.model.UpdateCustomerRequest;
import dev.titanj.dispatch.Dispatch;
import dev.titanj.settings.Settings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The generated repositories of all four modules against the fake server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedRepositoriesContractTest {
  private FakeServiceTitan fake;
  private ServiceTitan st;

  @BeforeAll
  void start() {
    fake = FakeServiceTitan.start(FakeServiceTitan.Options.defaults().customers(180)
        .invoices(400).exportBatchSize(33));
    st = fake.client();
  }

  @AfterAll
  void stop() {
    fake.close();
  }

  private Set<Long> ids(String resource, Boolean active) {
    return fake.records(resource).stream()
        .filter(r -> active == null || active.equals(r.get("active")))
        .map(r -> (Long) r.get("id")).collect(Collectors.toSet());
  }

  @Test
  void customers_streamEveryRecordOnce_countAndFilter() {
    CustomerRepository customers = Crm.of(st).customers();

    List<Long> all = customers.query().active(Active.ANY).pageSize(17).stream().map(Customer::id)
        .collect(Collectors.toList());

    assertThat(all).doesNotHaveDuplicates();
    assertThat(new HashSet<>(all)).isEqualTo(ids("crm/customers", null));
    assertThat(customers.query().count()).isEqualTo(ids("crm/customers", true).size());
    Instant cut = Instant.parse("2024-03-01T00:00:00Z");
    assertThat(customers.query().active(Active.ANY).modifiedOnOrAfter(cut).stream())
        .allSatisfy(c -> assertThat(c.modifiedOn().get()).isAfterOrEqualTo(cut));
    List<Instant> modified = customers.query().active(Active.ANY)
        .sort(CustomerSort.MODIFIED_ON.descending()).pageSize(50).stream()
        .map(c -> c.modifiedOn().get()).collect(Collectors.toList());
    assertThat(modified).hasSize(all.size()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void customers_findById_findAllById_keepOrder_and404IsEmpty() {
    CustomerRepository customers = Crm.of(st).customers();
    List<Long> some = List.of(1_000_009L, 1_000_002L, 1_000_005L);

    assertThat(customers.findById(1_000_002L)).get().extracting(Customer::id).isEqualTo(1_000_002L);
    assertThat(customers.findById(42L)).isEmpty();
    assertThat(customers.findAllById(some)).extracting(Customer::id).containsExactlyElementsOf(some);
  }

  @Test
  void customers_exportResume_afterAnUpdate_givesOnlyTheUpdatedRecord() {
    CustomerRepository customers = Crm.of(st).customers();
    ExportFeed<Customer> feed = customers.export(ExportCursor.beginning());
    assertThat(feed.stream().map(Customer::id).collect(Collectors.toSet()))
        .isEqualTo(ids("crm/customers", null));
    String saved = feed.cursor().token();

    Customer updated = customers.update(1_000_007L, UpdateCustomerRequest.builder()
        .name("Renamed Through The Repository").build());

    assertThat(updated.name()).contains("Renamed Through The Repository");
    assertThat(customers.findById(1_000_007L).flatMap(Customer::name))
        .contains("Renamed Through The Repository");
    assertThat(customers.export(ExportCursor.from(saved)).stream().map(Customer::id))
        .containsExactly(1_000_007L);
  }

  @Test
  void invoices_moneyReadsAsBigDecimal_andFiltersApply() {
    var invoices = Accounting.of(st).invoices();
    Map<String, Object> first = fake.records("accounting/invoices").get(0);
    long customerId = (Long) ((Map<?, ?>) first.get("customer")).get("id");

    List<Invoice> mine = invoices.query().activeState(ActiveStateFilterType.ALL)
        .customerId(customerId).stream().collect(Collectors.toList());

    assertThat(mine).isNotEmpty().allSatisfy(i -> {
      assertThat(i.customer().get().id()).isEqualTo(customerId);
      assertThat(i.total().get()).isEqualByComparingTo(i.subTotal().get().add(i.salesTax().get()));
      assertThat(i.balance().get()).isLessThanOrEqualTo(i.total().get());
    });
    assertThat(invoices.query().activeState(ActiveStateFilterType.ALL).count())
        .isEqualTo(fake.records("accounting/invoices").size());
    assertThat(mine.get(0).total().get()).isGreaterThan(BigDecimal.ZERO);
  }

  @Test
  void settingsAndDispatch_readThroughTheirRepositories() {
    long techId = (Long) fake.records("settings/technicians").get(0).get("id");
    assertThat(Settings.of(st).technicians().findById(techId)).isPresent();
    assertThat(Settings.of(st).businessUnits().query().active(Active.ANY).count())
        .isEqualTo(fake.records("settings/business-units").size());

    Map<String, Object> a = fake.records("dispatch/appointment-assignments").get(0);
    long appointmentId = (Long) a.get("appointmentId");
    // a mutable list: the generated null check calls contains(null), which List.of rejects
    assertThat(Dispatch.of(st).appointmentAssignments().query().active(Active.ANY)
        .appointmentIds(new java.util.ArrayList<>(List.of(appointmentId))).stream())
        .isNotEmpty().allSatisfy(x -> assertThat(x.appointmentId()).contains(appointmentId));
  }
}
