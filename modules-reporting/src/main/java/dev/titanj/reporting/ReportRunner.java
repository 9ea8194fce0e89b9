package dev.titanj.reporting;

import dev.titanj.core.ConflictException;
import dev.titanj.core.Page;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.Sleeper;
import dev.titanj.core.TitanException;
import dev.titanj.core.spi.Arguments;
import dev.titanj.core.spi.ModuleRuntime;
import dev.titanj.core.spi.PageSource;
import dev.titanj.reporting.internal.ReportSlots;
import dev.titanj.reporting.model.HeaderField;
import dev.titanj.reporting.model.ReportCategory;
import dev.titanj.reporting.model.ReportDataRequest;
import dev.titanj.reporting.model.ReportRows;
import dev.titanj.reporting.model.ReportSummary;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The Reporting API as a typed, safe surface (hand-written beside the generated
 * {@link Reporting} module, whose repositories it calls):
 *
 * <pre>{@code
 * ReportRunner reports = ReportRunner.of(st);
 * reports.categories().forEach(c -> ...);                       // ReportCategory
 * ReportDefinition r = reports.describe("operations", 94428310L); // parameters and columns
 * ReportParameters p = r.parameters()
 *     .set("From", LocalDate.of(2025, 1, 1))
 *     .set("To", LocalDate.of(2025, 1, 31))
 *     .set("BusinessUnitIds", List.of(1L, 2L))
 *     .build();                                                  // checked before any request
 * try (Stream<ReportRow> rows = reports.run(r, p).stream()) {
 *   rows.forEach(row -> row.getDecimal("Revenue"));
 * }
 * }</pre>
 *
 * <p>Runs are paced per report ({@link ReportPacing}: one data request per report and minute,
 * across threads, and across processes when the client's rate budget is shared), so a second run
 * of a report within a minute waits instead of collecting a 429. A 409 answer (a report
 * suspended, for example for maintenance) is retried with exponential backoff up to
 * {@link Builder#conflictRetries(int, Duration, Duration) a bounded number of attempts}, then
 * fails with a {@link ReportUnavailableException}. Every wait goes through the client's
 * {@code Sleeper} and is measured on its {@code Clock}. Thread-safe.
 */
public final class ReportRunner {
  /** The largest page of report data the API serves. */
  public static final int MAX_PAGE_SIZE = 25_000;

  private final ModuleRuntime runtime;
  private final Reporting api;
  private final ReportPacing pacing;
  private final ReportSlots slots;
  private final Clock clock;
  private final Sleeper sleeper;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;

  private ReportRunner(Builder b) {
    this.runtime = ModuleRuntime.of(b.st, "reporting/v2");
    this.api = Reporting.of(b.st);
    this.pacing = b.pacing;
    this.slots = b.pacing.slots(b.st, runtime);
    this.clock = runtime.clock();
    this.sleeper = runtime.sleeper();
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
  }

  /** A runner with the defaults: one-minute pacing, 4 attempts on 409 from 5 s up to 60 s. */
  public static ReportRunner of(ServiceTitan st) {
    return builder(st).build();
  }

  /** Starts a runner for {@code st}. */
  public static Builder builder(ServiceTitan st) {
    return new Builder(Arguments.notNull("serviceTitan", st));
  }

  /** The pacing of this runner. */
  public ReportPacing pacing() {
    return pacing;
  }

  /** Every report category ({@code GET report-categories}, all pages). */
  public Stream<ReportCategory> categories() {
    return api.reportCategories().query().pageSize(5000).stream();
  }

  /** The reports of {@code category} ({@code GET report-category/{c}/reports}, all pages). */
  public Stream<ReportSummary> reports(String category) {
    return api.reports().reports(Arguments.notBlank("category", category)).pageSize(5000)
        .stream();
  }

  /**
   * The description of report {@code reportId} in {@code category}: its typed parameters and
   * columns ({@code GET report-category/{c}/reports/{id}}; not paced, 409 retried).
   */
  public ReportDefinition describe(String category, long reportId) {
    Arguments.notBlank("category", category);
    Arguments.positive("reportId", reportId);
    return ReportDefinition.of(category,
        retrying409(category, reportId, () -> api.reports().get(category, reportId)));
  }

  /**
   * The rows of a dynamic value set (the accepted values of a parameter such as business units):
   * {@code GET dynamic-value-sets/{id}}, first page of up to 5,000 rows.
   */
  public ReportRows dynamicValues(String dynamicSetId) {
    Arguments.notBlank("dynamicSetId", dynamicSetId);
    return api.dynamicValueSets().getDynamicSet(dynamicSetId, 1, 5000, true);
  }

  /**
   * A run of {@code report} with {@code parameters} (checked when they were built). Lazy: no
   * request is sent until its rows are read.
   *
   * @throws IllegalArgumentException if the parameters were built for another report
   */
  public ReportQuery run(ReportDefinition report, ReportParameters parameters) {
    Arguments.notNull("report", report);
    Arguments.notNull("parameters", parameters);
    ReportDefinition of = parameters.report();
    if (of.id() != report.id() || !of.category().equals(report.category())) {
      throw new IllegalArgumentException("parameters were built for report " + of.category()
          + "/" + of.id() + ", not " + report.category() + "/" + report.id());
    }
    ReportDataRequest body = parameters.toRequest();
    String key = runtime.limitScope() + "|" + report.category() + "|" + report.id();
    PageSource<ReportRow> source = (params, page, pageSize, includeTotal) -> {
      pace(key);
      ReportRows rows = retrying409(report.category(), report.id(), () -> api.reports()
          .getData(report.category(), report.id(), page, pageSize, true, body));
      return toPage(report, rows, page, pageSize);
    };
    return new ReportQuery(runtime.pages(source, MAX_PAGE_SIZE).withPageSize(MAX_PAGE_SIZE)
        .withPrefetch(false));
  }

  /** Waits for the next slot of the report named by {@code key}. */
  private void pace(String key) {
    long interval = pacing.interval().toMillis();
    if (interval <= 0) {
      return;
    }
    long now = clock.millis();
    long slot = slots.reserve(key, now, interval);
    sleep(Duration.ofMillis(slot - now));
  }

  private <R> R retrying409(String category, long reportId, Supplier<R> call) {
    Duration backoff = initialBackoff;
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (ConflictException e) {
        if (attempt >= maxAttempts) {
          throw new ReportUnavailableException(category, reportId, attempt, e);
        }
        sleep(backoff);
        backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff
            : backoff.multipliedBy(2);
      }
    }
  }

  private void sleep(Duration d) {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TitanException("interrupted while waiting to run a report", e);
    }
  }

  private static Page<ReportRow> toPage(ReportDefinition report, ReportRows rows, int page,
      int pageSize) {
    List<ReportColumn> columns = new ArrayList<>();
    Map<String, Integer> index = new LinkedHashMap<>();
    List<HeaderField> fields = rows.fields();
    if (fields.isEmpty()) {
      columns.addAll(report.columns());
    } else {
      for (HeaderField f : fields) {
        String name = f.name().orElse("column" + (columns.size() + 1));
        columns.add(report.column(name).orElseGet(
            () -> new ReportColumn(name, f.label().orElse(name), null)));
      }
    }
    for (int i = 0; i < columns.size(); i++) {
      index.put(columns.get(i).name(), i);
    }
    List<ReportColumn> cols = Collections.unmodifiableList(columns);
    Map<String, Integer> idx = Collections.unmodifiableMap(index);
    List<ReportRow> out = new ArrayList<>(rows.data().size());
    for (List<Object> raw : rows.data()) {
      Object[] values = new Object[cols.size()];
      for (int i = 0; i < cols.size() && i < raw.size(); i++) {
        values[i] = ReportRow.decode(cols.get(i), raw.get(i));
      }
      out.add(new ReportRow(cols, idx, values));
    }
    Long total = rows.totalCount().map(Integer::longValue).orElse(null);
    return new Page<>(out, page, pageSize, rows.hasMore().orElse(false), total);
  }

  @Override
  public String toString() {
    return "ReportRunner{" + pacing + ", maxAttempts=" + maxAttempts + "}";
  }

  /** Builds a {@link ReportRunner}. */
  public static final class Builder {
    private final ServiceTitan st;
    private ReportPacing pacing = ReportPacing.defaults();
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofSeconds(5);
    private Duration maxBackoff = Duration.ofSeconds(60);

    private Builder(ServiceTitan st) {
      this.st = st;
    }

    /** How runs are paced; default {@link ReportPacing#defaults()}. */
    public Builder pacing(ReportPacing pacing) {
      this.pacing = Arguments.notNull("pacing", pacing);
      return this;
    }

    /**
     * Attempts on HTTP 409 (1 to 10, the first included), the wait before the first retry, and
     * the longest wait (each retry doubles it); default 4, 5 s, 60 s.
     */
    public Builder conflictRetries(int maxAttempts, Duration initialBackoff,
        Duration maxBackoff) {
      if (maxAttempts < 1 || maxAttempts > 10) {
        throw new IllegalArgumentException("maxAttempts must be between 1 and 10, was "
            + maxAttempts);
      }
      if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()) {
        throw new IllegalArgumentException("initialBackoff must be positive, was "
            + initialBackoff);
      }
      if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
      }
      this.maxAttempts = maxAttempts;
      this.initialBackoff = initialBackoff;
      this.maxBackoff = maxBackoff;
      return this;
    }

    public ReportRunner build() {
      return new ReportRunner(this);
    }
  }
}
