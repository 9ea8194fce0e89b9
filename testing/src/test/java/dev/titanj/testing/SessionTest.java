package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.accounting.Accounting;
import dev.titanj.accounting.model.Invoice;
import dev.titanj.core.Reference;
import dev.titanj.core.ServerException;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanSession;
import dev.titanj.crm.Crm;
import dev.titanj.crm.model.Customer;
import dev.titanj.crm.model.Location;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions against the fake server: batched references, the identity map, unit of work. */
class SessionTest {
  private static final String CUSTOMERS =
      "/crm/v2/tenant/" + FakeServiceTitan.DEFAULT_TENANT_ID + "/customers";

  private FakeServiceTitan server;
  private ServiceTitan st;

  @BeforeEach
  void start() {
    server = FakeServiceTitan.start(FakeServiceTitan.Options.defaults().customers(300)
        .invoices(2_000).seed(11));
    st = server.client();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<Invoice> invoices(int n) {
    return Accounting.of(st).invoices().query().pageSize(1_000).limit(n).toList();
  }

  private long customerRequests() {
    return server.requestCount(CUSTOMERS);
  }

  @Test
  void load_2000InvoicesNaming300Customers_costsSixCustomerRequests() {
    List<Invoice> invoices = invoices(2_000);
    long distinct = invoices.stream().map(Invoice.CUSTOMER::idsOf).flatMap(List::stream)
        .distinct().count();
    long before = customerRequests();

    try (TitanSession session = st.openSession()) {
      Map<Long, Customer> owners = session.load(Invoice.CUSTOMER, invoices);

      assertThat(distinct).isEqualTo(300);
      assertThat(owners).hasSize(300);
      assertThat(customerRequests() - before).isEqualTo(6);
      Invoice first = invoices.get(0);
      assertThat(owners.get(first.customer().orElseThrow().id()).id())
          .isEqualTo(first.customer().orElseThrow().id());
    }
  }

  @Test
  void get_sameCustomerTwice_isOneInstanceAndOneRequest() {
    Invoice invoice = invoices(1).get(0);
    long before = customerRequests();

    try (TitanSession session = st.openSession()) {
      Customer a = session.get(Invoice.CUSTOMER, invoice).orElseThrow();
      Customer b = session.get(Invoice.CUSTOMER, invoice).orElseThrow();
      Customer c = session.find(Crm.CUSTOMERS, a.id()).orElseThrow();

      assertThat(b).isSameAs(a);
      assertThat(c).isSameAs(a);
      assertThat(customerRequests() - before).isEqualTo(1);
    }
  }

  @Test
  void stream_withInclude_overTenPages_readsCustomersAtMostOncePerPage() {
    long before = customerRequests();
    try (TitanSession session = st.openSession();
         Stream<Invoice> s = session.stream(Accounting.of(st).invoices().query().pageSize(50)
             .limit(500), Invoice.CUSTOMER)) {
      List<Invoice> seen = s.toList();

      assertThat(seen).hasSize(500);
      long requests = customerRequests() - before;
      assertThat(requests).isBetween(1L, 10L);
      // every customer is already in the session: reading them again costs nothing
      assertThat(session.load(Invoice.CUSTOMER, seen)).isNotEmpty();
      assertThat(customerRequests() - before).isEqualTo(requests);
    }
  }

  @Test
  void load_whenTheTargetModuleIsNotInstalled_namesTheArtifactToAdd() {
    List<Invoice> invoices = invoices(10);
    ClassLoader original = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(new WithoutModule(original, "crm"));
    try (TitanSession session = st.openSession()) {
      assertThatThrownBy(() -> session.load(Invoice.CUSTOMER, invoices))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Invoice.customer -> crm.customers")
          .hasMessageContaining("dev.titanj:titanj-crm");
    } finally {
      Thread.currentThread().setContextClassLoader(original);
    }
  }

  @Test
  void load_sameModuleIdField_locationsCustomer() {
    List<Location> locations = Crm.of(st).locations().query().pageSize(100).limit(100).toList();
    try (TitanSession session = st.openSession()) {
      Map<Long, Customer> owners = session.load(Location.CUSTOMER, locations);

      assertThat(owners).isNotEmpty();
      assertThat(owners.keySet()).containsAll(locations.stream()
          .flatMap(l -> l.customerId().stream()).collect(Collectors.toSet()));
    }
  }

  @Test
  void flush_aChangedField_sendsOnePatchWithExactlyThatField() {
    try (TitanSession session = st.openSession()) {
      Customer loaded = session.find(Crm.CUSTOMERS, 1_000_001L).orElseThrow();
      Customer renamed = Customer.builder().from(loaded).name("Renamed & Co").build();
      session.update(Crm.CUSTOMERS, loaded.id(), renamed);
      server.clearRequests();

      TitanSession.FlushReport report = session.flush();

      assertThat(report.failures()).isEmpty();
      assertThat(report.outcomes()).singleElement()
          .satisfies(o -> assertThat(o.change().body()).isEqualTo("{\"name\":\"Renamed & Co\"}"));
      List<LoggedRequest> patches = patches();
      assertThat(patches).singleElement().satisfies(r -> {
        assertThat(r.path()).isEqualTo(CUSTOMERS + "/1000001");
        assertThat(r.body()).contains("{\"name\":\"Renamed & Co\"}");
      });
      assertThat(session.find(Crm.CUSTOMERS, 1_000_001L)).containsSame(renamed);
      assertThat(Crm.of(st).customers().getById(1_000_001L).name()).contains("Renamed & Co");
      assertThat(session.plan()).isEmpty();
    }
  }

  @Test
  void flush_anUnchangedCopy_sendsNothing() {
    try (TitanSession session = st.openSession()) {
      Customer loaded = session.find(Crm.CUSTOMERS, 1_000_002L).orElseThrow();
      session.update(Crm.CUSTOMERS, loaded.id(), Customer.builder().from(loaded).build());
      server.clearRequests();

      assertThat(session.plan()).isEmpty();
      assertThat(session.flush().outcomes()).isEmpty();
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void plan_isADryRun_thatShowsEachPatchWithoutSendingIt() {
    try (TitanSession session = st.openSession()) {
      Customer a = session.find(Crm.CUSTOMERS, 1_000_001L).orElseThrow();
      Customer b = session.find(Crm.CUSTOMERS, 1_000_002L).orElseThrow();
      session.update(Crm.CUSTOMERS, a.id(), Customer.builder().from(a).name("A2").build());
      session.update(Crm.CUSTOMERS, b.id(), Customer.builder().from(b).doNotMail(true).build());
      server.clearRequests();

      List<TitanSession.Change> plan = session.plan();

      assertThat(plan).extracting(Object::toString).containsExactly(
          "PATCH crm.customers 1000001 {\"name\":\"A2\"}",
          "PATCH crm.customers 1000002 {\"doNotMail\":true}");
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void flush_whenAnUpdateFails_reportsItAndKeepsItPending() {
    try (TitanSession session = st.openSession()) {
      Customer loaded = session.find(Crm.CUSTOMERS, 1_000_003L).orElseThrow();
      session.update(Crm.CUSTOMERS, loaded.id(), Customer.builder().from(loaded).name("X").build());
      server.faults().serverErrors(1);

      TitanSession.FlushReport failed = session.flush();

      assertThat(failed.failures()).singleElement()
          .satisfies(o -> assertThat(o.failure()).isInstanceOf(ServerException.class));
      assertThat(session.plan()).hasSize(1);
      assertThat(session.flush().failures()).isEmpty();
      assertThat(session.plan()).isEmpty();
    }
  }

  @Test
  void update_ofARecordNotLoadedInTheSession_failsBeforeAnyRequest() {
    try (TitanSession session = st.openSession()) {
      Customer elsewhere = Crm.of(st).customers().getById(1_000_004L);
      server.clearRequests();

      assertThatThrownBy(() -> session.update(Crm.CUSTOMERS, 1_000_004L, elsewhere))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("not loaded");
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void closedSession_refusesUse() {
    TitanSession session = st.openSession();
    session.close();

    assertThatThrownBy(() -> session.find(Crm.CUSTOMERS, 1L))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void reference_describesItsFieldAndTarget() {
    Reference<Invoice, Long, Customer> ref = Invoice.CUSTOMER;

    assertThat(ref.target()).isEqualTo("crm.customers");
    assertThat(ref.artifact()).isEqualTo("titanj-crm");
    assertThat(ref).hasToString("Invoice.customer -> crm.customers");
    assertThat(ref.idsOf(Invoice.builder().id(1).build())).isEmpty();
  }

  private List<LoggedRequest> patches() {
    return server.requests().stream().filter(r -> r.method().equals("PATCH")).toList();
  }

  /** A class loader that hides one module's {@code TitanModule} registration, as if its jar were absent. */
  private static final class WithoutModule extends ClassLoader {
    private final String area;

    WithoutModule(ClassLoader parent, String area) {
      super(parent);
      this.area = area;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      List<URL> urls = Collections.list(super.getResources(name));
      if (name.equals("META-INF/services/dev.titanj.core.spi.TitanModule")) {
        urls.removeIf(u -> u.toString().contains("modules-" + area + "/")
            || u.toString().contains("titanj-" + area + "-"));
      }
      return Collections.enumeration(urls);
    }
  }
}
