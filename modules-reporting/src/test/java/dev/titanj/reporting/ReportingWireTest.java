package dev.titanj.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.reporting.model.ReportDataParameter;
import dev.titanj.reporting.model.ReportDataRequest;
import dev.titanj.reporting.model.ReportRows;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exact HTTP behaviour of the generated Reporting repositories on a loopback server. */
class ReportingWireTest {
  private final ApiServer server = new ApiServer();
  private final Reporting api = Reporting.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void reportData_postsTheParameters_andAnswersRowsWithFields() {
    server.answer("{\"page\":2,\"pageSize\":10,\"hasMore\":true,\"totalCount\":25,"
        + "\"data\":[[1,\"a\",12.5,null]],\"fields\":[{\"name\":\"Id\",\"label\":\"Id\"}]}");

    ReportRows rows = api.reports().getData("operations", 101, 2, 10, true,
        ReportDataRequest.builder().addParameters(ReportDataParameter.builder().name("From")
            .value("2025-01-01").build()).build());

    RecordedRequest r = server.take();
    assertThat(ApiServer.line(r)).isEqualTo("POST /reporting/v2/tenant/42/report-category/"
        + "operations/reports/101/data?page=2&pageSize=10&includeTotal=true");
    assertThat(ApiServer.body(r))
        .isEqualTo("{\"parameters\":[{\"name\":\"From\",\"value\":\"2025-01-01\"}]}");
    assertThat(rows.hasMore()).contains(true);
    assertThat(rows.totalCount()).contains(25);
    assertThat(rows.data()).hasSize(1);
    assertThat(rows.data().get(0)).hasSize(4);
    assertThat(rows.fields()).extracting(f -> f.name().orElseThrow()).containsExactly("Id");
  }

  @Test
  void dynamicValueSet_isReadByItsId() {
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[[1,\"North\"]],"
        + "\"fields\":[{\"name\":\"Value\",\"label\":\"Value\"},{\"name\":\"Name\",\"label\":\"Name\"}]}");

    ReportRows set = api.dynamicValueSets().getDynamicSet("business-units", null, null, null);

    assertThat(ApiServer.line(server.take()))
        .isEqualTo("GET /reporting/v2/tenant/42/dynamic-value-sets/business-units");
    assertThat(set.data()).hasSize(1);
  }

  @Test
  void reportsOfACategory_arePaged() {
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[{\"id\":101,\"name\":\"R\"}]}");

    assertThat(api.reports().reports("operations").stream().toList()).hasSize(1);
    assertThat(server.take().getUrl().encodedPath())
        .isEqualTo("/reporting/v2/tenant/42/report-category/operations/reports");
  }
}
