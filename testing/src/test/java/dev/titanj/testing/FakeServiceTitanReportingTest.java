package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.BadRequestException;
import dev.titanj.core.ServiceTitan;
import dev.titanj.reporting.ReportDefinition;
import dev.titanj.reporting.ReportPacing;
import dev.titanj.reporting.ReportRow;
import dev.titanj.reporting.ReportRunner;
import dev.titanj.reporting.Reporting;
import dev.titanj.reporting.model.ReportCategory;
import dev.titanj.reporting.model.ReportDataParameter;
import dev.titanj.reporting.model.ReportDataRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake server's Reporting API, through the typed runner (offline, no pacing). */
class FakeServiceTitanReportingTest {
  private final FakeServiceTitan fake = FakeServiceTitan.start();
  private final ServiceTitan st = fake.client();
  private final ReportRunner runner = ReportRunner.builder(st).pacing(ReportPacing.none()).build();

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void categoriesReportsAndDescriptions_areServed() {
    assertThat(runner.categories().map(ReportCategory::id)).containsExactly("operations", "accounting");
    assertThat(runner.reports("operations").count()).isEqualTo(2);
    ReportDefinition r = runner.describe("operations", 101);
    assertThat(r.inputs()).extracting(i -> i.name()).contains("From", "To", "BusinessUnitIds");
    assertThat(r.columns()).hasSize(6);
    assertThat(runner.dynamicValues("business-units").data()).hasSize(3);
  }

  @Test
  void aRun_pagesThroughEveryRow_withTypedColumns() {
    ReportDefinition r = runner.describe("operations", 101);
    var run = runner.run(r, r.parameters().set("From", LocalDate.of(2025, 1, 1))
        .set("To", LocalDate.of(2025, 1, 31)).set("BusinessUnitIds", List.of(1, 2)).build())
        .pageSize(50);

    assertThat(run.page(1).totalCount()).hasValue(120);
    List<ReportRow> rows = run.toList();

    assertThat(rows).hasSize(120);
    assertThat(rows.get(0).getLong("CustomerId")).contains(1001L);
    assertThat(rows.get(0).getDecimal("Revenue")).contains(new BigDecimal("107.01"));
    assertThat(rows.get(0).getDate("CompletedOn")).contains(LocalDate.of(2025, 1, 2));
    assertThat(fake.requests().stream().filter(q -> q.path().endsWith("/data")).count())
        .isEqualTo(4);
  }

  @Test
  void aMissingRequiredParameter_failsBeforeAnyDataRequest_andTheFakeRefusesItToo() {
    ReportDefinition r = runner.describe("operations", 101);

    assertThatThrownBy(() -> r.parameters().set("From", LocalDate.of(2025, 1, 1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[To]");
    assertThat(fake.requests()).noneMatch(q -> q.path().endsWith("/data"));
    // Past the runner, straight through the generated repository, the fake answers 400.
    assertThatThrownBy(() -> Reporting.of(st).reports().getData("operations", 101, 1, 10, false,
        ReportDataRequest.builder().addParameters(ReportDataParameter.builder().name("From")
            .value("2025-01-01").build()).build()))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("To");
  }
}
