package dev.titanj.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.ConflictException;
import dev.titanj.core.RateLimit;
import dev.titanj.core.ServiceTitan;
import dev.titanj.reporting.model.ReportCategory;
import dev.titanj.reporting.model.ReportSummary;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Reporting API's typed, validated, paced surface against a loopback server on a manual clock. */
class ReportRunnerTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final ReportServer server = new ReportServer();
  private final ServiceTitan st = server.client();
  private final ReportRunner runner = ReportRunner.of(st);

  @AfterEach
  void close() {
    server.close();
  }

  private ReportDefinition revenue() {
    return runner.describe("operations", 101);
  }

  private ReportParameters january(ReportDefinition report) {
    return report.parameters()
        .set("From", LocalDate.of(2025, 1, 1))
        .set("To", LocalDate.of(2025, 1, 31))
        .build();
  }

  // ---- catalogue ----

  @Test
  void categoriesAndReports_areListedAcrossPages() {
    assertThat(runner.categories().map(ReportCategory::id)).containsExactly("operations");
    assertThat(runner.reports("operations").map(ReportSummary::id)).containsExactly(101L, 102L);
    assertThat(server.arrivals).extracting(ReportServer.Arrival::path).containsExactly(
        "/reporting/v2/tenant/42/report-categories",
        "/reporting/v2/tenant/42/report-category/operations/reports");
  }

  @Test
  void describe_typesParametersAndColumns() {
    ReportDefinition r = revenue();

    assertThat(r.name()).isEqualTo("Revenue by customer");
    ReportInput units = r.input("BusinessUnitIds").orElseThrow();
    assertThat(units.array()).isTrue();
    assertThat(units.required()).isFalse();
    assertThat(units.acceptedValues()).hasSize(2);
    assertThat(units.dynamicSetId()).contains("business-units");
    assertThat(r.inputs().stream().filter(ReportInput::required).map(ReportInput::name))
        .containsExactly("From", "To");
    assertThat(r.columns()).extracting(ReportColumn::javaType).containsExactly(
        BigDecimal.class, String.class, BigDecimal.class, Boolean.class, LocalDate.class,
        Instant.class);
  }

  // ---- parameters: checked before any data request ----

  @Test
  void parameters_whenARequiredOneIsMissing_failNamingIt_beforeAnyDataRequest() {
    ReportDefinition r = revenue();

    assertThatThrownBy(() -> r.parameters().set("From", LocalDate.of(2025, 1, 1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[To]");
    assertThatThrownBy(() -> r.parameters().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[From, To]");
    assertThat(server.dataRequests()).isEmpty();
  }

  @Test
  void parameters_whenTheNameIsUnknown_failNamingIt() {
    ReportDefinition r = revenue();

    assertThatThrownBy(() -> r.parameters().set("Form", LocalDate.of(2025, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Form'")
        .hasMessageContaining("From");
    assertThat(server.dataRequests()).isEmpty();
  }

  @Test
  void parameters_whenTheTypeIsWrong_failNamingParameterAndType() {
    ReportDefinition r = revenue();

    assertThatThrownBy(() -> r.parameters().set("From", "2025-01-01"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'From'").hasMessageContaining("LocalDate")
        .hasMessageContaining("String");
    assertThatThrownBy(() -> r.parameters().set("BusinessUnitIds", 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'BusinessUnitIds'").hasMessageContaining("collection");
    assertThatThrownBy(() -> r.parameters().set("BusinessUnitIds", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.parameters().set("IncludeInactive", "yes"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Boolean");
    assertThatThrownBy(() -> r.parameters().set("To", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'To'");
    assertThat(server.dataRequests()).isEmpty();
  }

  @Test
  void parameters_outsideTheAcceptedValues_fail() {
    ReportDefinition r = revenue();

    assertThatThrownBy(() -> r.parameters().set("BusinessUnitIds", List.of(1L, 3L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'BusinessUnitIds'").hasMessageContaining("business-units");
    assertThatThrownBy(() -> r.parameters().set("DateType", "Scheduled"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'DateType'");
    assertThat(r.parameters().set("BusinessUnitIds", List.of(2, 1L)).set("DateType", "Created"))
        .isNotNull();
  }

  @Test
  void run_withParametersOfAnotherReport_isRefused() {
    ReportDefinition r = revenue();
    ReportDefinition jobs = runner.describe("operations", 102);

    assertThatThrownBy(() -> runner.run(jobs, january(r)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("101");
  }

  // ---- rows ----

  @Test
  void run_sendsTheParametersInWireForm_andDecodesColumnsByTheirTypes() {
    ReportDefinition r = revenue();
    ReportParameters p = r.parameters()
        .set("From", LocalDate.of(2025, 1, 1))
        .set("To", LocalDate.of(2025, 1, 31))
        .set("BusinessUnitIds", List.of(1L, 2))
        .set("IncludeInactive", true)
        .build();

    List<ReportRow> rows = runner.run(r, p).toList();

    ReportServer.Arrival data = server.dataRequests().get(0);
    assertThat(data.method()).isEqualTo("POST");
    assertThat(data.path()).isEqualTo("/reporting/v2/tenant/42/report-category/operations/reports/101/data");
    assertThat(data.query()).contains("page=1").contains("pageSize=25000").contains("includeTotal=true");
    assertThat(data.body()).isEqualTo("{\"parameters\":[{\"name\":\"From\",\"value\":\"2025-01-01\"},"
        + "{\"name\":\"To\",\"value\":\"2025-01-31\"},{\"name\":\"BusinessUnitIds\",\"value\":[1,2]},"
        + "{\"name\":\"IncludeInactive\",\"value\":true}]}");
    assertThat(rows).hasSize(2);
    ReportRow acme = rows.get(0);
    assertThat(acme.getLong("CustomerId")).contains(1001L);
    assertThat(acme.getString("CustomerName")).contains("Acme Heating");
    assertThat(acme.getDecimal("Revenue")).contains(new BigDecimal("1234.5"));
    assertThat(acme.getBoolean("Member")).contains(true);
    assertThat(acme.getDate("CompletedOn")).contains(LocalDate.of(2025, 5, 30));
    assertThat(acme.getInstant("LastVisit")).contains(Instant.parse("2025-05-30T14:15:00Z"));
    assertThat(rows.get(1).getDate("CompletedOn")).contains(LocalDate.of(2025, 5, 31));
    assertThat(rows.get(1).getInstant("LastVisit")).isEmpty();
    assertThat(rows.get(1).asMap()).containsKeys("CustomerId", "LastVisit");
    assertThatThrownBy(() -> acme.get("Nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Nope'");
  }

  @Test
  void run_pagesUntilHasMoreIsFalse_withTheTotal_eachPagePacedAsARun() {
    List<String> rows = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      rows.add("[" + i + ",\"c" + i + "\",1,true,\"2025-01-01\",null]");
    }
    server.rows = rows;
    ReportDefinition r = revenue();
    ReportQuery run = runner.run(r, january(r)).pageSize(2);

    assertThat(run.page(1).totalCount()).hasValue(5);
    server.arrivals.clear();
    server.waits.clear();
    List<Long> ids = run.stream().map(row -> row.getLong("CustomerId").orElseThrow()).toList();

    assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(server.dataRequests()).extracting(ReportServer.Arrival::query)
        .allSatisfy(q -> assertThat(q).contains("pageSize=2"))
        .extracting(q -> q.replaceAll(".*page=(\\d+).*", "$1")).containsExactly("1", "2", "3");
    // Every data request is a run for the server's limit: one page per minute.
    List<ReportServer.Arrival> data = server.dataRequests();
    for (int i = 1; i < data.size(); i++) {
      assertThat(Duration.between(data.get(i - 1).at(), data.get(i).at())).isEqualTo(MINUTE);
    }
  }

  // ---- pacing ----

  @Test
  void pacing_theSameReportTwiceWithinAMinute_theSecondRunWaitsTheRestOfTheMinute() {
    ReportDefinition r = revenue();
    ReportParameters p = january(r);
    Instant start = server.clock.instant();

    runner.run(r, p).toList();
    server.clock.advance(Duration.ofSeconds(15));
    runner.run(r, p).toList();

    assertThat(server.waits).containsExactly(Duration.ofSeconds(45));
    assertThat(server.dataRequests()).extracting(ReportServer.Arrival::at)
        .containsExactly(start, start.plus(MINUTE));
  }

  @Test
  void pacing_aRunAfterTheMinute_doesNotWait() {
    ReportDefinition r = revenue();
    runner.run(r, january(r)).toList();
    server.clock.advance(Duration.ofSeconds(61));
    runner.run(r, january(r)).toList();

    assertThat(server.waits).isEmpty();
  }

  @Test
  void pacing_twoDifferentReports_doNotWaitForEachOther() {
    ReportDefinition revenue = revenue();
    ReportDefinition jobs = runner.describe("operations", 102);

    runner.run(revenue, january(revenue)).toList();
    List<ReportRow> j = runner.run(jobs, jobs.parameters().build()).toList();

    assertThat(j).extracting(row -> row.getLong("JobId").orElseThrow()).containsExactly(7L);
    assertThat(server.waits).isEmpty();
  }

  @Test
  void pacing_eightThreadsRunningTheSameReport_areSerializedOnePerMinute() throws Exception {
    ReportDefinition r = revenue();
    ReportParameters p = january(r);
    server.sleepsAdvanceClock = false;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> {
          go.await();
          return runner.run(r, p).toList().size();
        }));
      }
      go.countDown();
      for (Future<Integer> f : runs) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(2);
      }
    } finally {
      pool.shutdownNow();
    }

    // One run goes at once, the others wait for slots one minute apart: 1, 2, ... 7 minutes.
    assertThat(server.waits).containsExactlyInAnyOrder(MINUTE, MINUTE.multipliedBy(2),
        MINUTE.multipliedBy(3), MINUTE.multipliedBy(4), MINUTE.multipliedBy(5),
        MINUTE.multipliedBy(6), MINUTE.multipliedBy(7));
    assertThat(server.dataRequests()).hasSize(8);
  }

  @Test
  void pacing_twoClientsSharingACache_paceTogether_asTwoProcessesWould() {
    try (CacheManager manager = ehcache("shared-pacing")) {
      Cache<String, byte[]> cache = manager.createCache("titanj.rate-limits",
          new MutableConfiguration<String, byte[]>().setTypes(String.class, byte[].class));
      ReportRunner one = ReportRunner.builder(st).pacing(ReportPacing.shared(cache)).build();
      ReportRunner two = ReportRunner.builder(server.client())
          .pacing(ReportPacing.shared(cache)).build();
      ReportDefinition r = revenue();

      one.run(r, january(r)).toList();
      two.run(r, january(r)).toList();

      assertThat(server.waits).containsExactly(MINUTE);
    }
  }

  @Test
  void pacing_byDefault_isSharedThroughTheCacheOfASharedRateLimit() {
    try (CacheManager manager = ehcache("shared-budget")) {
      RateLimit shared = RateLimit.shared(manager, 60);
      ReportRunner one = ReportRunner.of(server.client(shared));
      ReportRunner two = ReportRunner.of(server.client(shared));
      ReportDefinition r = one.describe("operations", 101);

      one.run(r, january(r)).toList();
      two.run(r, january(r)).toList();

      assertThat(server.waits).contains(MINUTE);
      List<String> keys = new ArrayList<>();
      manager.getCache("titanj.rate-limits", String.class, byte[].class)
          .forEach(e -> keys.add(e.getKey()));
      assertThat(keys).anySatisfy(k -> assertThat(k).startsWith("titanj-report|")
          .endsWith("|operations|101").doesNotContain(ReportServer.APP_KEY));
    }
  }

  @Test
  void pacing_inProcess_twoClientsOfOneTenant_doNotShareSlots() {
    ReportRunner other = ReportRunner.of(server.client());
    ReportDefinition r = revenue();
    runner.run(r, january(r)).toList();
    other.run(r, january(r)).toList();

    assertThat(server.waits).isEmpty();
  }

  // ---- 409 ----

  @Test
  void conflict409_isRetriedWithBackoff_thenSucceeds() {
    ReportDefinition r = revenue();
    server.conflictsLeft.set(2);

    List<ReportRow> rows = runner.run(r, january(r)).toList();

    assertThat(rows).hasSize(2);
    assertThat(server.dataRequests()).hasSize(3);
    assertThat(server.waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  @Test
  void conflict409_throughEveryAttempt_failsWithReportUnavailable_withoutSecrets() {
    ReportDefinition r = revenue();
    server.conflictsLeft.set(100);

    assertThatThrownBy(() -> runner.run(r, january(r)).toList())
        .isInstanceOfSatisfying(ReportUnavailableException.class, e -> {
          assertThat(e.attempts()).isEqualTo(4);
          assertThat(e.reportId()).isEqualTo(101);
          assertThat(e.lastConflict()).isInstanceOf(ConflictException.class);
          assertThat(e.getMessage()).contains("409").contains("4 attempts")
              .contains("suspended for maintenance")
              .doesNotContain(ReportServer.SECRET).doesNotContain(ReportServer.APP_KEY);
          assertThat(e.getCause().getMessage()).doesNotContain(ReportServer.SECRET)
              .doesNotContain(ReportServer.APP_KEY);
        });
    assertThat(server.dataRequests()).hasSize(4);
    assertThat(server.waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(20));
  }

  @Test
  void messagesAndToString_neverCarryTheClientsSecrets() {
    ReportDefinition r = revenue();
    List<String> texts = new ArrayList<>();
    texts.add(runner.toString());
    texts.add(r.toString());
    texts.add(january(r).toString());
    try {
      r.parameters().build();
    } catch (IllegalArgumentException e) {
      texts.add(e.getMessage());
    }
    assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContain(ReportServer.SECRET)
        .doesNotContain(ReportServer.APP_KEY));
  }

  private static CacheManager ehcache(String name) {
    // One manager stands for a cluster both "processes" reach (Hazelcast in production).
    return ((org.ehcache.jsr107.EhcacheCachingProvider) Caching.getCachingProvider(
        "org.ehcache.jsr107.EhcacheCachingProvider")).getCacheManager(
            URI.create("urn:x-titanj-test:" + name + ":" + java.util.UUID.randomUUID()),
            org.ehcache.config.builders.ConfigurationBuilder.newConfigurationBuilder().build());
  }
}
