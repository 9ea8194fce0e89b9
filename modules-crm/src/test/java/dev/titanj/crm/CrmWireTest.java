package dev.titanj.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.Active;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.Page;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.crm.model.BulkTagsRequest;
import dev.titanj.crm.model.Contact;
import dev.titanj.crm.model.ContactType;
import dev.titanj.crm.model.CreateCustomerRequest;
import dev.titanj.crm.model.Customer;
import dev.titanj.crm.model.CustomerAddress;
import dev.titanj.crm.model.CustomerContact;
import dev.titanj.crm.model.CustomerType;
import dev.titanj.crm.model.ImmutableCustomer;
import dev.titanj.crm.model.Location;
import dev.titanj.crm.model.NewLocation;
import dev.titanj.crm.model.UpdateCustomerRequest;
import dev.titanj.crm.model.UpdateLocationRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exact HTTP behaviour of the generated CRM repositories against a loopback server. */
class CrmWireTest {
  private static final String CUSTOMER = "{\"id\":42,\"name\":\"Acme\",\"type\":\"Commercial\","
      + "\"balance\":\"12.50\",\"modifiedOn\":\"2025-01-02T03:04:05.1234567Z\",\"mysteryField\":1}";
  private final ApiServer server = new ApiServer();
  private final Crm crm = Crm.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void customersQuery_sendsTypedFilters_inWireForm() {
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[" + CUSTOMER + "]}");

    Page<Customer> page = crm.customers().query()
        .name("Acme & Sons")
        .active(Active.ANY)
        .modifiedOnOrAfter(Instant.parse("2025-01-01T00:00:00Z"))
        .sort(CustomerSort.MODIFIED_ON.descending())
        .page(1);

    RecordedRequest r = server.take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/crm/v2/tenant/42/customers");
    assertThat(r.getUrl().queryParameter("name")).isEqualTo("Acme & Sons");
    assertThat(r.getUrl().queryParameter("active")).isEqualTo("Any");
    assertThat(r.getUrl().queryParameter("modifiedOnOrAfter")).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(r.getUrl().queryParameter("sort")).isEqualTo("-ModifiedOn");
    assertThat(r.getUrl().queryParameter("page")).isEqualTo("1");
    assertThat(r.getUrl().queryParameter("pageSize")).isEqualTo("50");
    assertThat(r.getUrl().queryParameter("includeTotal")).isNull();
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer t");
    Customer c = page.items().get(0);
    assertThat(c.id()).isEqualTo(42L);
    assertThat(c.name()).contains("Acme");
    assertThat(c.type()).contains(CustomerType.COMMERCIAL);
    assertThat(c.balance()).hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo("12.50"));
    assertThat(c.createdOn()).isEmpty();
    assertThat(c.customFields()).isEmpty();
  }

  @Test
  void customersQuery_escapeHatchParameter_andCount() {
    server.answer("{\"page\":1,\"pageSize\":1,\"hasMore\":true,\"totalCount\":1234,\"data\":[" + CUSTOMER + "]}");

    long n = crm.customers().query().withParameter("newFilter", "x").count();

    RecordedRequest r = server.take();
    assertThat(n).isEqualTo(1234);
    assertThat(r.getUrl().queryParameter("newFilter")).isEqualTo("x");
    assertThat(r.getUrl().queryParameter("includeTotal")).isEqualTo("true");
    assertThat(r.getUrl().queryParameter("pageSize")).isEqualTo("1");
  }

  @Test
  void findById_readsOneCustomer_andNotFoundIsEmpty() {
    server.answer(CUSTOMER).answer(404, "{\"title\":\"Customer not found\",\"status\":404}");

    Optional<Customer> found = crm.customers().findById(42);
    Optional<Customer> missing = crm.customers().findById(43);

    assertThat(found.map(Customer::id)).contains(42L);
    assertThat(missing).isEmpty();
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /crm/v2/tenant/42/customers/42");
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /crm/v2/tenant/42/customers/43");
  }

  @Test
  void badArguments_failBeforeAnyRequest() {
    assertThatThrownBy(() -> crm.customers().findById(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> crm.customers().update(-1, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> crm.customers().query().ids(java.util.Collections.nCopies(51, 1L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("50");
    assertThat(server.pending()).isZero();
  }

  @Test
  void bulkTags_addIsPut_andRemoveIsDeleteWithABody_onTags() {
    server.answer(200, null).answer(200, null);

    crm.tags().addTags(BulkTagsRequest.builder().addCustomerIds(1L, 2L).addTagTypeIds(9L).build());
    crm.tags().removeTags(BulkTagsRequest.builder().addCustomerIds(1L).addTagTypeIds(9L).build());

    RecordedRequest put = server.take();
    assertThat(ApiServer.line(put)).isEqualTo("PUT /crm/v2/tenant/42/tags");
    assertThat(ApiServer.body(put)).contains("\"customerIds\":[1,2]").contains("\"tagTypeIds\":[9]");
    RecordedRequest delete = server.take();
    assertThat(ApiServer.line(delete)).isEqualTo("DELETE /crm/v2/tenant/42/tags");
    assertThat(ApiServer.body(delete)).contains("\"customerIds\":[1]");
  }

  @Test
  void contacts_useGuidIds() {
    UUID id = UUID.fromString("7f1f8f62-2f1c-4d27-9b7e-3b8e6f3a1c55");
    server.answer("{\"id\":\"" + id + "\",\"name\":\"Pat\"}");

    Contact c = crm.contacts().getById(id);

    assertThat(c.id()).isEqualTo(id);
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /crm/v2/tenant/42/contacts/" + id);
  }

  @Test
  void contactTypeWithDuplicateWireValue_readsAsTheFirstConstant_andUnknownIsKept() {
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":["
        + "{\"id\":1,\"type\":\"Phone\",\"value\":\"555\"},{\"id\":2,\"type\":\"Pager\",\"value\":\"1\"}]}");

    var items = crm.customers().contacts(42).page(1).items();

    assertThat(items.get(0).type()).contains(ContactType.PHONE);
    assertThat(items.get(1).type()).contains(ContactType.UNKNOWN);
    assertThat(items.get(1).typeAsString()).contains("Pager");
    assertThat(ApiServer.line(server.take())).startsWith("GET /crm/v2/tenant/42/customers/42/contacts?");
  }

  @Test
  void exportContacts_isMappedOntoCustomers() {
    server.answer("{\"hasMore\":false,\"continueFrom\":\"tok-2\",\"data\":[]}");

    var feed = crm.customers().exportContacts(ExportCursor.from("tok-1"));
    assertThat(feed.stream().count()).isZero();

    assertThat(ApiServer.line(server.take())).isEqualTo("GET /crm/v2/tenant/42/export/customers/contacts?from=tok-1");
    assertThat(feed.cursor().token()).isEqualTo("tok-2");
  }

  @Test
  void update_evictsTheCachedCustomer() {
    Crm cached = Crm.of(server.client(dev.titanj.core.CacheSettings.builder()
        .resource("crm.customers", dev.titanj.core.CacheSettings.Resource.on(java.time.Duration.ofMinutes(5), 100))
        .build()));
    server.answer(CUSTOMER).answer(CUSTOMER).answer(CUSTOMER);

    cached.customers().findById(42);
    cached.customers().findById(42);
    cached.customers().update(42, dev.titanj.crm.model.UpdateCustomerRequest.builder().name("New").build());
    cached.customers().findById(42);

    assertThat(ApiServer.line(server.take())).isEqualTo("GET /crm/v2/tenant/42/customers/42");
    RecordedRequest patch = server.take();
    assertThat(ApiServer.line(patch)).isEqualTo("PATCH /crm/v2/tenant/42/customers/42");
    assertThat(ApiServer.body(patch)).contains("\"name\":\"New\"");
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /crm/v2/tenant/42/customers/42");
    assertThat(server.pending()).isZero();
  }

  // ---- exact writes (issue 12) ----

  @Test
  void locationUpdate_withOnlyActiveSet_sendsOnlyActive_neverEmptyTagOrCustomFieldLists() {
    server.answer("{\"id\":7}");

    crm.locations().update(7, UpdateLocationRequest.builder().active(false).build());

    RecordedRequest r = server.take();
    assertThat(r.getMethod()).isEqualTo("PATCH");
    assertThat(ApiServer.body(r)).isEqualTo("{\"active\":false}");
  }

  @Test
  void locationUpdate_withTagsSetToEmpty_sendsEmptyList_whichRemovesAllTags() {
    server.answer("{\"id\":7}");

    crm.locations().update(7, UpdateLocationRequest.builder().tagTypeIds(List.of()).build());

    assertThat(ApiServer.body(server.take())).isEqualTo("{\"tagTypeIds\":[]}");
  }

  @Test
  void customerCreate_withAnEmptyAddress_failsInBuild_namingTheMissingFields() {
    CreateCustomerRequest.Builder b = CreateCustomerRequest.builder().name("Acme")
        .address(CustomerAddress.builder().build())
        .addLocations(NewLocation.builder().name("HQ").address(CustomerAddress.builder()
            .street("1 Main").city("X").state("CA").zip("1").country("US").build()).build());

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CreateCustomerRequest.address")
        .hasMessageContaining("street, city, state, zip, country");
    assertThat(server.pending()).isZero();
  }

  @Test
  void customerUpdate_fromChanges_sendsOnlyWhatDiffers() {
    Customer before = ImmutableCustomer.builder().id(42).name("Acme").doNotMail(false)
        .addTagTypeIds(1L).build();
    Customer after = ImmutableCustomer.copyOf(before).withName("Acme & Sons");
    server.answer("{\"id\":42}");

    crm.customers().update(42, UpdateCustomerRequest.changes(before, after));

    assertThat(ApiServer.body(server.take())).isEqualTo("{\"name\":\"Acme & Sons\"}");
  }

  // ---- varargs and Iterable queries (issue 15) ----

  @Test
  void idsFilter_varargs_sendsTheIdsCommaSeparated() {
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[]}");

    crm.customers().query().ids(1L, 2L, 3L).page(1);

    assertThat(server.take().getUrl().queryParameter("ids")).isEqualTo("1,2,3");
  }

  @Test
  void idsFilter_varargsWithNull_failsBeforeAnyRequest() {
    assertThatThrownBy(() -> crm.customers().query().ids(1L, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ids must not contain null");
    assertThatThrownBy(() -> crm.customers().query().ids((Long[]) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ids must not be null");
    assertThat(server.pending()).isZero();
  }

  @Test
  void findAllById_varargs_readsInInputOrder() {
    server.answer("{\"page\":1,\"pageSize\":2,\"hasMore\":false,\"data\":[{\"id\":2},{\"id\":1}]}");

    List<Customer> found = crm.customers().findAllById(1L, 2L);

    assertThat(found).extracting(Customer::id).containsExactly(1L, 2L);
    assertThat(server.take().getUrl().queryParameter("ids")).isEqualTo("1,2");
  }

  @Test
  void query_isIterable_inAForEachLoop() {
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[{\"id\":5},{\"id\":6}]}");

    List<Long> ids = new java.util.ArrayList<>();
    for (Customer c : crm.customers().query().active(Active.ANY)) {
      ids.add(c.id());
    }

    assertThat(ids).containsExactly(5L, 6L);
  }

  @Test
  void queryFindByIdCreateAndExport_returnOneCustomerType_soOneSinkTakesThemAll() {
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[{\"id\":5}]}")
        .answer(CUSTOMER)
        .answer("{\"id\":7,\"name\":\"New\",\"contacts\":[{\"id\":70,\"type\":\"Email\"}],"
            + "\"locations\":[{\"id\":71,\"customerId\":7}]}")
        .answer("{\"hasMore\":false,\"continueFrom\":\"tok-2\",\"data\":"
            + "[{\"id\":8,\"active\":false}]}");
    Map<Long, Customer> sink = new java.util.LinkedHashMap<>();
    Consumer<Customer> upsert = c -> sink.put(c.id(), c);

    crm.customers().query().stream().forEach(upsert);
    crm.customers().findById(42).ifPresent(upsert);
    CustomerAddress address = CustomerAddress.builder().street("1 Main").city("X").state("CA")
        .zip("90000").country("US").build();
    upsert.accept(crm.customers().create(CreateCustomerRequest.builder().name("New").address(address)
        .addLocations(NewLocation.builder().name("HQ").address(address).build()).build()));
    crm.customers().export(ExportCursor.beginning()).stream().forEach(upsert);

    assertThat(sink).containsOnlyKeys(5L, 42L, 7L, 8L);
    // The export's active and the create answer's contacts and locations are fields of Customer.
    assertThat(sink.get(8L).active()).contains(false);
    assertThat(sink.get(7L).contacts()).extracting(CustomerContact::id).containsExactly(70L);
    assertThat(sink.get(7L).locations()).extracting(Location::id).containsExactly(71L);
    assertThat(sink.get(42L).contacts()).isEmpty();
  }
}
