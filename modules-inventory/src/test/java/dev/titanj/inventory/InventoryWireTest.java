package dev.titanj.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.Active;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.testsupport.ApiServer;
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exact HTTP behaviour of the generated Inventory repositories (main resources) on a loopback server. */
class InventoryWireTest {
  private final ApiServer server = new ApiServer();
  private final Inventory api = Inventory.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  static String page(String... records) {
    return "{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[" + String.join(",", records) + "]}";
  }

  @Test
  void purchaseOrdersQuery_sendsTypedFilters_andReadsTolerantly() {
    server.answer(page("{\"id\":11,\"number\":\"PO-11\",\"jobId\":7,\"total\":\"250.00\",\"items\":[],\"y\":2}"));

    List<dev.titanj.inventory.model.PurchaseOrder> list = api.purchaseOrders().query().jobIds(7L, 8L)
        .dateOnOrAfter(Instant.parse("2025-01-01T00:00:00Z")).stream().toList();

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/inventory/v2/tenant/42/purchase-orders");
    assertThat(r.getUrl().queryParameter("jobIds")).isEqualTo("7,8");
    assertThat(r.getUrl().queryParameter("dateOnOrAfter")).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(list).extracting(dev.titanj.inventory.model.PurchaseOrder::id).containsExactly(11L);
    assertThat(list.get(0).jobId()).contains(7L);
  }

  @Test
  void purchaseOrdersExport_andApproveRequest_hitTheirPaths() {
    server.answer("{\"hasMore\":false,\"continueFrom\":\"n\",\"data\":[]}").answer("{\"id\":11}");

    api.purchaseOrders().export(ExportCursor.beginning()).stream().count();
    api.purchaseOrders().approveRequest(11);

    assertThat(ApiServer.line(server.take())).startsWith("GET /inventory/v2/tenant/42/export/purchase-orders");
    assertThat(ApiServer.line(server.take())).isEqualTo("PATCH /inventory/v2/tenant/42/purchase-orders/requests/11/approve");
  }
}
