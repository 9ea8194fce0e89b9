package dev.titanj.payroll;

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

/** Exact HTTP behaviour of the generated Payroll repositories (main resources) on a loopback server. */
class PayrollWireTest {
  private final ApiServer server = new ApiServer();
  private final Payroll api = Payroll.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  static String page(String... records) {
    return "{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[" + String.join(",", records) + "]}";
  }

  @Test
  void grossPayItems_queryAndCreate() {
    server.answer(page("{\"id\":31,\"employeeId\":9,\"amount\":12.5}")).answer("{\"id\":32}");

    var list = api.grossPayItems().query().employeeId(9).payrollIds(1L, 2L).stream().toList();
    api.grossPayItems().delete(31);

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/payroll/v2/tenant/42/gross-pay-items");
    assertThat(r.getUrl().queryParameter("employeeId")).isEqualTo("9");
    assertThat(r.getUrl().queryParameter("payrollIds")).isEqualTo("1,2");
    assertThat(ApiServer.line(server.take())).isEqualTo("DELETE /payroll/v2/tenant/42/gross-pay-items/31");
    assertThat(list).hasSize(1);
  }
}
