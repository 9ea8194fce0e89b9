package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.accounting.Accounting;
import dev.titanj.accounting.model.Invoice;
import dev.titanj.accounting.model.Payment;
import dev.titanj.core.FlushOptions;
import dev.titanj.core.Reference;
import dev.titanj.core.Reverse;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanSession;
import dev.titanj.crm.Crm;
import dev.titanj.crm.model.Customer;
import dev.titanj.crm.model.Location;
import dev.titanj.crm.model.UpdateCustomerRequest;
import dev.titanj.pricebook.Pricebook;
import dev.titanj.pricebook.model.Category;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reverse (one-to-many) references and the unit of work's stale check, against the fake server
 * with request counts.
 */
class ReverseReferenceTest {
  private static final String TENANT = "/tenant/" + FakeServiceTitan.DEFAULT_TENANT_ID;
  private static final String LOCATIONS = "/crm/v2" + TENANT + "/locations";
  private static final String PAYMENTS = "/accounting/v2" + TENANT + "/payments";
  private static final String CUSTOMERS = "/crm/v2" + TENANT + "/customers";

  /** Payments point at invoices through {@code appliedTo[].appliedTo}: a reference users declare. */
  private static final Reference<Payment, Long, Invoice> APPLIED_TO = Reference.many(
      Payment.class, "appliedTo", "accounting.invoices", Long.class, "titanj-accounting",
      p -> p.appliedTo().stream().flatMap(a -> a.appliedTo().stream()).toList());
  /** An invoice's payments, through the {@code appliedToInvoiceIds} filter (50 ids a query). */
  private static final Reverse<Invoice, Long, Payment> PAYMENTS_OF = Reverse.byIds(
      Invoice.class, "payments", "accounting.payments", "appliedToInvoiceIds", APPLIED_TO,
      (st, ids) -> Accounting.of(st).payments().query().appliedToInvoiceIds(ids));

  private FakeServiceTitan server;
  private ServiceTitan st;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  @BeforeEach
  void start() {
    server = FakeServiceTitan.start(FakeServiceTitan.Options.defaults().customers(200)
        .invoices(400).payments(300).seed(17));
    Interceptor counting = chain -> {
      boolean locations = chain.request().url().encodedPath().endsWith("/locations");
      if (locations) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      }
      try {
        return chain.proceed(chain.request());
      } finally {
        if (locations) {
          inFlight.decrementAndGet();
        }
      }
    };
    st = server.clientBuilder().httpClient(new OkHttpClient.Builder().addInterceptor(counting)
        .build()).build();
  }

  @AfterEach
  void stop() {
    st.close();
    server.close();
  }

  @Test
  void loadMany_byIdFilter_120Customers_is120LocationQueries_atMostFourInFlight() {
    List<Customer> customers = Crm.of(st).customers().query().pageSize(120).limit(120).toList();
    server.faults().latency(Duration.ofMillis(15));
    long before = server.requestCount(LOCATIONS);

    try (TitanSession session = st.openSession()) {
      Map<Long, List<Location>> byCustomer = session.loadMany(Customer.LOCATIONS, customers);

      assertThat(server.requestCount(LOCATIONS) - before).isEqualTo(120);
      assertThat(maxInFlight.get()).isBetween(2, 4);
      assertThat(byCustomer.keySet()).containsExactlyElementsOf(
          customers.stream().map(Customer::id).toList());
      server.faults().clear();
      Map<Long, List<Long>> expected = new LinkedHashMap<>();
      for (Location l : Crm.of(st).locations().query().pageSize(5_000).toList()) {
        expected.computeIfAbsent(l.customerId().orElseThrow(), k -> new ArrayList<>()).add(l.id());
      }
      assertThat(byCustomer.values().stream().mapToInt(List::size).sum()).isPositive();
      byCustomer.forEach((customer, locations) -> assertThat(locations)
          .extracting(Location::id).as("locations of " + customer)
          .containsExactlyInAnyOrderElementsOf(expected.getOrDefault(customer, List.of())));
      // the locations joined the identity map: finding one again costs nothing
      Location one = byCustomer.values().stream().flatMap(List::stream).findFirst().orElseThrow();
      long now = server.requestCount(LOCATIONS);
      assertThat(session.find(Crm.LOCATIONS, one.id())).containsSame(one);
      assertThat(server.requestCount(LOCATIONS)).isEqualTo(now);
    }
  }

  @Test
  void loadMany_byIdsFilter_isOneQueryPer50Targets_groupedByTheForwardReference() {
    List<Invoice> invoices = Accounting.of(st).invoices().query().pageSize(120).limit(120)
        .toList();
    long before = server.requestCount(PAYMENTS);

    try (TitanSession session = st.openSession()) {
      Map<Long, List<Payment>> byInvoice = session.loadMany(PAYMENTS_OF, invoices);

      assertThat(server.requestCount(PAYMENTS) - before).isEqualTo(3); // ceil(120 / 50)
      assertThat(byInvoice).hasSize(120);
      Map<Long, List<Long>> expected = new LinkedHashMap<>();
      for (Payment p : Accounting.of(st).payments().query().pageSize(5_000).toList()) {
        for (Long invoice : APPLIED_TO.idsOf(p)) {
          expected.computeIfAbsent(invoice, k -> new ArrayList<>()).add(p.id());
        }
      }
      assertThat(byInvoice.values().stream().mapToInt(List::size).sum()).isPositive();
      byInvoice.forEach((invoice, payments) -> assertThat(payments)
          .extracting(Payment::id).as("payments of invoice " + invoice)
          .containsExactlyInAnyOrderElementsOf(expected.getOrDefault(invoice, List.of())));
    }
  }

  @Test
  void generatedReverse_namesItsSourceFilterAndForwardReference() {
    Reverse<Customer, Long, Location> locations = Customer.LOCATIONS;

    assertThat(locations.kind()).isEqualTo(Reverse.Kind.BY_ID);
    assertThat(locations.source()).isEqualTo("crm.locations");
    assertThat(locations.filter()).isEqualTo("customerId");
    assertThat(locations.forward()).isSameAs(Location.CUSTOMER);
    assertThat(locations).hasToString("Customer.locations <- crm.locations by customerId");
    assertThat(PAYMENTS_OF.kind()).isEqualTo(Reverse.Kind.BY_IDS);
  }

  @Test
  void flush_checkStale_whenAnotherClientChangedTheRecord_refusesIt_andSendsNothing() {
    try (TitanSession session = st.openSession();
         ServiceTitan other = server.clientBuilder().build()) {
      Customer loaded = session.find(Crm.CUSTOMERS, 1_000_001L).orElseThrow();
      Crm.of(other).customers().update(1_000_001L,
          UpdateCustomerRequest.builder().name("Changed elsewhere").build());
      session.update(Crm.CUSTOMERS, loaded.id(),
          Customer.builder().from(loaded).name("Mine").build());
      server.clearRequests();

      TitanSession.FlushReport report = session.flush(FlushOptions.checkStale());

      assertThat(report.stale()).singleElement().satisfies(o -> {
        assertThat(o.staleCheck()).isEqualTo(TitanSession.StaleCheck.STALE);
        assertThat(o.failure()).isInstanceOf(TitanSession.StaleRecordException.class)
            .hasMessageContaining("crm.customers 1000001").hasMessageContaining("not sent");
      });
      assertThat(report.failures()).hasSize(1);
      assertThat(server.requests()).extracting(LoggedRequest::method).containsExactly("GET");
      assertThat(session.plan()).hasSize(1); // still pending
      assertThat(Crm.of(other).customers().getById(1_000_001L).name())
          .contains("Changed elsewhere");
    }
  }

  @Test
  void flush_checkStale_whenUnchanged_readsItFreshPastTheCache_andSendsThePatch() {
    try (TitanSession session = st.openSession()) {
      Customer loaded = session.find(Crm.CUSTOMERS, 1_000_002L).orElseThrow();
      session.update(Crm.CUSTOMERS, loaded.id(),
          Customer.builder().from(loaded).name("Mine").build());
      server.clearRequests();

      TitanSession.FlushReport report = session.flush(FlushOptions.checkStale());

      assertThat(report.failures()).isEmpty();
      assertThat(report.outcomes()).singleElement()
          .satisfies(o -> assertThat(o.staleCheck()).isEqualTo(TitanSession.StaleCheck.PASSED));
      assertThat(server.requests()).extracting(r -> r.method() + " " + r.path())
          .containsExactly("GET " + CUSTOMERS + "/1000002", "PATCH " + CUSTOMERS + "/1000002");
      assertThat(Crm.of(st).customers().getById(1_000_002L).name()).contains("Mine");
    }
  }

  @Test
  void flush_withoutStaleCheck_sendsEvenWhenChangedElsewhere() {
    try (TitanSession session = st.openSession();
         ServiceTitan other = server.clientBuilder().build()) {
      Customer loaded = session.find(Crm.CUSTOMERS, 1_000_003L).orElseThrow();
      Crm.of(other).customers().update(1_000_003L,
          UpdateCustomerRequest.builder().name("Changed elsewhere").build());
      session.update(Crm.CUSTOMERS, loaded.id(),
          Customer.builder().from(loaded).name("Mine").build());
      server.clearRequests();

      TitanSession.FlushReport report = session.flush();

      assertThat(report.failures()).isEmpty();
      assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.staleCheck())
          .isEqualTo(TitanSession.StaleCheck.NOT_ASKED));
      assertThat(server.requests()).extracting(LoggedRequest::method).containsExactly("PATCH");
    }
  }

  @Test
  void flush_checkStale_ofARecordWithoutModifiedOn_sendsItUnchecked_andSaysSo() {
    try (TitanSession session = st.openSession()) {
      long id = Pricebook.of(st).categories().query().first().orElseThrow().id();
      Category loaded = session.find(Pricebook.CATEGORIES, id).orElseThrow();
      session.update(Pricebook.CATEGORIES, id, Category.builder().from(loaded)
          .name("Renamed category").build());
      server.clearRequests();

      TitanSession.FlushReport report = session.flush(FlushOptions.checkStale());

      assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.staleCheck())
          .isEqualTo(TitanSession.StaleCheck.UNAVAILABLE));
      // no re-read: the PATCH is the only request (the fake does not store categories' writes)
      assertThat(server.requests()).extracting(LoggedRequest::method).containsExactly("PATCH");
    }
  }
}
