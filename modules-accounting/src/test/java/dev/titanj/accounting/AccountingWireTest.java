package dev.titanj.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.accounting.model.ActiveStateFilterType;
import dev.titanj.accounting.model.InventoryBill;
import dev.titanj.accounting.model.Invoice;
import dev.titanj.accounting.model.JournalEntry;
import dev.titanj.accounting.model.TransactionStatus;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.SortField;
import dev.titanj.core.TitanException;
import dev.titanj.core.testsupport.ApiServer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exact HTTP behaviour of the generated Accounting repositories against a loopback server. */
class AccountingWireTest {
  private static final String INVOICE = "{\"id\":7,\"referenceNumber\":\"INV-7\",\"subTotal\":\"100.00\","
      + "\"salesTax\":\"8.25\",\"total\":\"108.25\",\"balance\":\"0.00\",\"items\":[{\"id\":1,"
      + "\"quantity\":\"2.0000000000\",\"price\":\"50.00\",\"total\":\"100.00\"}]}";
  private static final String PAGE_OF_ONE_INVOICE =
      "{\"page\":1,\"pageSize\":1,\"hasMore\":false,\"data\":[" + INVOICE + "]}";
  private final ApiServer server = new ApiServer();
  private final Accounting accounting = Accounting.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void invoices_readMoneySentAsStrings_asExactDecimals() {
    server.answer(PAGE_OF_ONE_INVOICE);

    Invoice invoice = accounting.invoices().query().page(1).items().get(0);

    assertThat(invoice.total()).contains(new BigDecimal("108.25"));
    assertThat(invoice.salesTax()).contains(new BigDecimal("8.25"));
    assertThat(invoice.balance()).contains(new BigDecimal("0.00"));
    assertThat(invoice.items().get(0).quantity()).contains(new BigDecimal("2.0000000000"));
    assertThat(invoice.createdOn()).isEmpty();   // the live API omits fields the spec calls required
  }

  @Test
  void invoices_findById_goesThroughIds_becauseTheApiHasNoReadById() {
    server.answer(PAGE_OF_ONE_INVOICE);

    Optional<Invoice> found = accounting.invoices().findById(7);

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/accounting/v2/tenant/42/invoices");
    assertThat(r.getUrl().queryParameter("ids")).isEqualTo("7");
    assertThat(r.getUrl().queryParameter("activeState")).isEqualTo("All");
    assertThat(r.getUrl().queryParameter("pageSize")).isEqualTo("1");
    assertThat(found.map(Invoice::id)).contains(7L);
  }

  @Test
  void invoices_findAllById_batchesFiftyIdsPerRequest_keepingInputOrder() {
    String many = java.util.stream.LongStream.rangeClosed(1, 50)
        .mapToObj(i -> "{\"id\":" + (51 - i) + "}").collect(Collectors.joining(","));
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[" + many + "]}")
        .answer("{\"page\":1,\"pageSize\":2,\"hasMore\":false,\"data\":[{\"id\":52}]}");
    List<Long> ids = java.util.stream.LongStream.rangeClosed(1, 52).boxed().collect(Collectors.toList());

    List<Invoice> found = accounting.invoices().findAllById(ids);

    assertThat(server.take().getUrl().queryParameter("ids").split(",")).hasSize(50);
    assertThat(server.take().getUrl().queryParameter("ids")).isEqualTo("51,52");
    assertThat(found).extracting(Invoice::id).startsWith(1L, 2L, 3L).endsWith(50L, 52L).hasSize(51);
  }

  @Test
  void invoicesQuery_repeatsArrayKeys_andSendsCustomFieldPairs() {
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[]}");

    accounting.invoices().query()
        .statuses(List.of(TransactionStatus.PENDING, TransactionStatus.POSTED))
        .customFields(Map.of("Region", "West"))
        .totalGreater(new BigDecimal("10.50"))
        .sort(SortField.named("Id").ascending())
        .page(1);

    RecordedRequest r = server.take();
    assertThat(r.getUrl().queryParameterValues("statuses")).containsExactly("Pending", "Posted");
    assertThat(r.getUrl().queryParameter("customField.Fields[Region]")).isEqualTo("West");
    assertThat(r.getUrl().queryParameter("totalGreater")).isEqualTo("10.50");
    assertThat(r.getUrl().queryParameter("sort")).isEqualTo("+Id");
  }

  @Test
  void payments_filterByActiveState() {
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[{\"id\":3,\"total\":\"5.00\"}]}");

    var page = accounting.payments().query().activeState(ActiveStateFilterType.INACTIVE_ONLY).page(1);

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/accounting/v2/tenant/42/payments");
    assertThat(r.getUrl().queryParameter("activeState")).isEqualTo("InactiveOnly");
    assertThat(page.items().get(0).total()).contains(new BigDecimal("5.00"));
  }

  @Test
  void journalEntries_useGuidIds_andPagesOfAtMost500() {
    UUID id = UUID.fromString("0b9d2c1e-4c55-4d4f-9a51-3f0f1f1f2a2b");
    server.answer("{\"page\":1,\"pageSize\":1,\"hasMore\":false,\"data\":[{\"id\":\"" + id + "\",\"number\":12}]}")
        .answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[]}");

    JournalEntry je = accounting.journalEntries().getById(id);
    accounting.journalEntries().summary(id).page(1);

    assertThat(je.id()).contains(id);
    assertThat(je.number()).contains(12);
    assertThat(server.take().getUrl().queryParameter("ids")).isEqualTo(id.toString());
    assertThat(server.take().getUrl().encodedPath())
        .isEqualTo("/accounting/v2/tenant/42/journal-entries/" + id + "/summary");
    assertThatThrownBy(() -> accounting.journalEntries().query().pageSize(501))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("500");
    accounting.invoices().query().pageSize(5000);
  }

  private static String bills(long from, long to) {
    return java.util.stream.LongStream.rangeClosed(from, to)
        .mapToObj(i -> "{\"id\":" + i + ",\"billNumber\":\"B-" + i + "\"}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  @Test
  void list_whenBareArrayIsFull_requestsTheNextPage() {
    server.answer(bills(1, 2)).answer(bills(3, 4)).answer(bills(5, 5));

    List<InventoryBill> found;
    try (Stream<InventoryBill> s = accounting.inventoryBills().list().billNumber("B").pageSize(2)
        .stream()) {
      found = s.collect(Collectors.toList());
    }

    assertThat(found).extracting(InventoryBill::id).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(ApiServer.line(server.take()))
        .isEqualTo("GET /accounting/v2/tenant/42/inventory-bills?billNumber=B&page=1&pageSize=2");
    assertThat(ApiServer.line(server.take()))
        .isEqualTo("GET /accounting/v2/tenant/42/inventory-bills?billNumber=B&page=2&pageSize=2");
    assertThat(ApiServer.line(server.take()))
        .isEqualTo("GET /accounting/v2/tenant/42/inventory-bills?billNumber=B&page=3&pageSize=2");
    assertThat(server.pending()).isZero();
  }

  @Test
  void list_whenBareArrayIsShort_stopsWithoutAnotherRequest() {
    server.answer(bills(1, 3));

    assertThat(accounting.inventoryBills().list().toList()).hasSize(3);

    // A stream with no page size asks for the endpoint's maximum.
    assertThat(ApiServer.line(server.take()))
        .isEqualTo("GET /accounting/v2/tenant/42/inventory-bills?page=1&pageSize=5000");
    assertThat(server.pending()).isZero();
  }

  @Test
  @SuppressWarnings("deprecation")
  void legacyList_withFilters_pagesThroughEveryBill_keepingTheFilters() {
    // The legacy list reads at the endpoint's maximum page size: a full page of 5,000, then more.
    server.answer(bills(1, 5000)).answer(bills(5001, 5001));

    List<InventoryBill> found = accounting.inventoryBills()
        .list(accounting.inventoryBills().query().billNumber("B-1"));

    assertThat(found).hasSize(5001).extracting(InventoryBill::id).endsWith(5000L, 5001L);
    assertThat(ApiServer.line(server.take())).isEqualTo(
        "GET /accounting/v2/tenant/42/inventory-bills?billNumber=B-1&page=1&pageSize=5000");
    assertThat(ApiServer.line(server.take())).isEqualTo(
        "GET /accounting/v2/tenant/42/inventory-bills?billNumber=B-1&page=2&pageSize=5000");
  }

  @Test
  void list_whenServerIgnoresPageAndRepeatsAFullPage_failsInsteadOfLooping() {
    server.answer(bills(1, 2)).answer(bills(1, 2)).answer(bills(1, 2));

    assertThatThrownBy(() -> accounting.inventoryBills().list().pageSize(2).prefetch(false).toList())
        .isInstanceOf(TitanException.class).hasMessageContaining("page 2 repeated");
    server.take();
    server.take();
    assertThat(server.pending()).isZero();
  }

  @Test
  void invoiceExport_resumesFromASavedToken_andAdvancesTheCursor() {
    server.answer("{\"hasMore\":true,\"continueFrom\":\"tok-2\",\"data\":[{\"id\":1,\"total\":\"1.00\"}]}")
        .answer("{\"hasMore\":false,\"continueFrom\":\"tok-3\",\"data\":[{\"id\":2,\"total\":\"2.00\"}]}");

    ExportFeed<Invoice> feed = accounting.invoices().export(ExportCursor.from("tok-1"));
    List<Long> ids = feed.stream().map(Invoice::id).collect(Collectors.toList());

    assertThat(ids).containsExactly(1L, 2L);
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /accounting/v2/tenant/42/export/invoices?from=tok-1");
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /accounting/v2/tenant/42/export/invoices?from=tok-2");
    assertThat(feed.cursor().token()).isEqualTo("tok-3");
  }

  @Test
  void createAdjustment_returnsTheBareId() {
    server.answer("99");

    Long id = accounting.invoices().createAdjustment(
        dev.titanj.accounting.model.CreateAdjustmentInvoiceRequest.builder().adjustmentToId(7L).build());

    RecordedRequest r = server.take();
    assertThat(ApiServer.line(r)).isEqualTo("POST /accounting/v2/tenant/42/invoices");
    assertThat(ApiServer.body(r)).contains("\"adjustmentToId\":7");
    assertThat(id).isEqualTo(99L);
  }

  // ---- exact writes and tolerant ids (issue 12) ----

  @Test
  void journalEntryUpdate_customFieldSetToNull_sendsNull_insteadOfFailingInBuild() {
    UUID id = UUID.fromString("0b9d2c1e-4c55-4d4f-9a51-3f0f1f1f2a2b");
    server.answer("{\"id\":\"" + id + "\"}");

    accounting.journalEntries().update(id, dev.titanj.accounting.model.UpdateJournalEntryRequest.builder()
        .putCustomFields("Region", java.util.Optional.empty()).build());

    assertThat(dev.titanj.core.testsupport.ApiServer.body(server.take()))
        .isEqualTo("{\"customFields\":{\"Region\":null}}");
  }

  @Test
  void journalEntries_aRecordWithANullId_doesNotFailThePage() {
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":["
        + "{\"id\":null,\"number\":1},{\"id\":\"0b9d2c1e-4c55-4d4f-9a51-3f0f1f1f2a2b\",\"number\":2}]}");

    var page = accounting.journalEntries().query().page(1);

    assertThat(page.items()).hasSize(2);
    assertThat(page.items().get(0).id()).isEmpty();
    assertThat(page.items().get(1).number()).contains(2);
  }
}
