package dev.titanj.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.accounting.model.JournalEntrySyncStatus;
import dev.titanj.accounting.model.MarkApBillAsExportedRequest;
import dev.titanj.accounting.model.MarkApCreditAsExportedRequest;
import dev.titanj.accounting.model.MarkApPaymentAsExportedRequest;
import dev.titanj.accounting.model.MarkDepositsAsExportedRequest;
import dev.titanj.accounting.model.MarkInventoryBillAsExportedRequest;
import dev.titanj.accounting.model.MarkInvoiceAsExportedRequest;
import dev.titanj.accounting.model.PaymentStatus;
import dev.titanj.accounting.model.UpdateJournalEntrySyncRequest;
import dev.titanj.accounting.model.UpdatePaymentStatusRequest;
import dev.titanj.core.testsupport.ApiServer;
import java.util.List;
import java.util.UUID;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every named Accounting action: the HTTP method, path and body it sends, and nothing else. */
class AccountingActionWireTest {
  private final ApiServer server = new ApiServer();
  private final Accounting accounting = Accounting.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  private RecordedRequest only() {
    RecordedRequest r = server.take();
    assertThat(server.pending()).isZero();
    return r;
  }

  @Test
  void invoiceMarkAsExported_postsTheListToMarkAsExported() {
    server.answer("[{\"invoiceId\":7,\"success\":true}]");

    accounting.invoices().markAsExported(List.of(
        MarkInvoiceAsExportedRequest.builder().invoiceId(7).externalId("X-7").build()));

    RecordedRequest r = only();
    assertThat(ApiServer.line(r)).isEqualTo("POST /accounting/v2/tenant/42/invoices/markasexported");
    assertThat(ApiServer.body(r)).isEqualTo("[{\"invoiceId\":7,\"externalId\":\"X-7\"}]");
  }

  @Test
  void inventoryBillMarkAsExported_postsTheIdsToMarkAsExported() {
    server.answer("[]");

    accounting.inventoryBills().markAsExported(
        MarkInventoryBillAsExportedRequest.builder().addInventoryBillIds(3L, 4L).build());

    RecordedRequest r = only();
    assertThat(ApiServer.line(r))
        .isEqualTo("POST /accounting/v2/tenant/42/inventory-bills/markasexported");
    assertThat(ApiServer.body(r)).isEqualTo("{\"inventoryBillIds\":[3,4]}");
  }

  @Test
  void apBillMarkAsExported_postsTheIdsToMarkAsExported() {
    server.answer("[]");

    accounting.apBills().markAsExported(
        MarkApBillAsExportedRequest.builder().addBillIds(5L).build());

    RecordedRequest r = only();
    assertThat(ApiServer.line(r)).isEqualTo("POST /accounting/v2/tenant/42/ap-bills/markasexported");
    assertThat(ApiServer.body(r)).isEqualTo("{\"billIds\":[5]}");
  }

  @Test
  void apCreditMarkAsExported_postsTheListToMarkAsExported() {
    server.answer("[]");

    accounting.apCredits().markAsExported(List.of(
        MarkApCreditAsExportedRequest.builder().apCreditId(6).build()));

    RecordedRequest r = only();
    assertThat(ApiServer.line(r)).isEqualTo("POST /accounting/v2/tenant/42/ap-credits/markasexported");
    assertThat(ApiServer.body(r)).isEqualTo("[{\"apCreditId\":6}]");
  }

  @Test
  void apPaymentMarkAsExported_postsTheListToMarkAsExported() {
    server.answer("[]");

    accounting.apPayments().markAsExported(List.of(
        MarkApPaymentAsExportedRequest.builder().apPaymentId(8).build()));

    RecordedRequest r = only();
    assertThat(ApiServer.line(r)).isEqualTo("POST /accounting/v2/tenant/42/ap-payments/markasexported");
    assertThat(ApiServer.body(r)).isEqualTo("[{\"apPaymentId\":8}]");
  }

  @Test
  void bankDepositMarkAsExported_postsTheIdsToMarkAsExported() {
    server.answer(200, null);

    accounting.bankDeposits().markAsExported(
        MarkDepositsAsExportedRequest.builder().addIds(9L).build());

    RecordedRequest r = only();
    assertThat(ApiServer.line(r))
        .isEqualTo("POST /accounting/v2/tenant/42/bank-deposits/markasexported");
    assertThat(ApiServer.body(r)).isEqualTo("{\"ids\":[9]}");
  }

  @Test
  void paymentUpdateStatus_postsTheStatusToPaymentsStatus() {
    server.answer(200, null);

    accounting.payments().updateStatus(UpdatePaymentStatusRequest.builder()
        .status(PaymentStatus.POSTED).addPaymentIds(1L, 2L).build());

    RecordedRequest r = only();
    assertThat(ApiServer.line(r)).isEqualTo("POST /accounting/v2/tenant/42/payments/status");
    assertThat(ApiServer.body(r)).isEqualTo("{\"status\":\"Posted\",\"paymentIds\":[1,2]}");
  }

  @Test
  void journalEntryUpdateSync_patchesTheSyncSubresource() {
    UUID id = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    server.answer("{\"id\":\"" + id + "\"}");

    accounting.journalEntries().updateSync(id,
        UpdateJournalEntrySyncRequest.builder().syncStatus(JournalEntrySyncStatus.SYNCED).build());

    RecordedRequest r = only();
    assertThat(ApiServer.line(r))
        .isEqualTo("PATCH /accounting/v2/tenant/42/journal-entries/" + id + "/sync");
    assertThat(ApiServer.body(r)).startsWith("{\"syncStatus\":\"Synced\"");
  }

  @Test
  void journalEntryUpdateSync_sendsOnlyTheFieldsTheCallerSet() {
    UUID id = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    server.answer("{\"id\":\"" + id + "\"}");

    accounting.journalEntries().updateSync(id,
        UpdateJournalEntrySyncRequest.builder().syncStatus(JournalEntrySyncStatus.SYNCED).build());

    assertThat(ApiServer.body(only())).isEqualTo("{\"syncStatus\":\"Synced\"}");
  }
}
