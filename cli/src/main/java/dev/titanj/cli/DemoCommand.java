package dev.titanj.cli;

import dev.titanj.cli.internal.CliResource;
import dev.titanj.cli.internal.Connection;
import dev.titanj.cli.internal.QueryBinder;
import dev.titanj.cli.internal.RecordEncoder;
import dev.titanj.cli.internal.RecordWriter;
import dev.titanj.cli.internal.ResourceRegistry;
import dev.titanj.cli.internal.Text;
import dev.titanj.core.CacheSettings;
import dev.titanj.core.CacheStatistics;
import dev.titanj.core.ExportBatch;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.ListQuery;
import dev.titanj.core.Page;
import dev.titanj.core.Repository;
import dev.titanj.core.ServiceTitan;
import dev.titanj.replica.Replica;
import dev.titanj.replica.ResourceSyncReport;
import dev.titanj.replica.SyncMode;
import dev.titanj.replica.SyncReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code titanj demo}: the README quick start's job, end to end against the embedded sandbox: token,
 * filtered and sorted query, cached reads, paging, an export feed and its resume token, with
 * a local replica synced twice, per-step timings, request counts and cache statistics.
 */
@Command(mixinStandardHelpOptions = true, header = "Walk through TitanJ end to end against the embedded sandbox.", name = "demo", descriptionHeading = "%n", optionListHeading = "%n", description =
        "Walk through TitanJ against the embedded fake ServiceTitan (always SANDBOX "
        + "mode): authenticate, query active customers modified since a date, read one "
        + "customer twice (the second read is a cache hit), page through invoices, run an "
        + "export feed and show the token to resume from, sync a local replica; then timings, "
        + "request counts and cache statistics.")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand
  TitanjCommand root;

  @Option(names = "--since", paramLabel = "DATE", defaultValue = "2024-06-01",
      description = "Modified-since date of the customer query (default ${DEFAULT-VALUE}).")
  String since;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "5",
      description = "Customers to show (default ${DEFAULT-VALUE}).")
  int limit;

  private final Map<String, Duration> timings = new LinkedHashMap<>();
  private PrintWriter out;
  private int step;

  @Override
  public Integer call() {
    root.action = "demo";
    out = root.spec.commandLine().getOut();
    ResourceRegistry registry = root.context.registry();
    CliResource customers = registry.resolve("crm", "customers");
    CliResource invoices = registry.resolve("accounting", "invoices");
    if (!root.sandbox && !root.context.env.isEmpty() && root.env == null
        && root.context.env.containsKey("ST_CLIENT_ID")) {
      root.spec.commandLine().getErr().println(
          "titanj: demo always runs in the sandbox; use query, get and export for your tenant");
    }
    root.sandbox = true;
    root.env = null;
    // Customers are transactional data, not cached by default; the demo turns the cache on for them.
    CacheSettings cache = CacheSettings.builder()
        .resource(customers.key(), CacheSettings.Resource.on(Duration.ofMinutes(5), 10_000))
        .build();
    try (Connection c = root.connect(cache, false)) {
      ServiceTitan st = c.client();
      out.println("TitanJ demo - *** " + c.description() + " ***");
      Repository<?, ?> customerRepo = customers.repository(st);

      heading("Authenticate (client credentials) and make a first call");
      Object first = timed("authenticate + first call", () ->
          customers.newQuery(customerRepo).pageSize(1).first().orElse(null));
      out.printf("    token requests so far: %d%n", st.tokenRequestCount());

      heading("Active customers modified since " + since + ", newest first, limit " + limit);
      ListQuery<?, ?> q = customers.newQuery(customerRepo);
      QueryBinder b = customers.binder();
      List<String> filters = new ArrayList<>();
      addIfKnown(b, filters, "active", "True");
      addIfKnown(b, filters, "modifiedOnOrAfter", since);
      String sort = b.sortFields().stream().anyMatch(f -> f.equalsIgnoreCase("ModifiedOn"))
          ? "-ModifiedOn" : null;
      ListQuery<?, ?> filtered = b.apply(q, filters, sort).limit(limit);
      out.println("    " + filtered);
      List<?> found = timed("query customers", filtered::toList);
      RecordEncoder enc = new RecordEncoder(customers.recordType());
      printTable(enc, found, List.of("id", "name", "active", "modifiedOn", "balance"));

      Object sample = !found.isEmpty() ? found.get(0) : first;
      if (sample != null && customers.canGet()) {
        String id = String.valueOf(enc.toFields(sample).get("id")).replaceAll("\\.0$", "");
        heading("Find customer " + id + " by id, twice");
        Object miss = timed("findById (cold)", () -> customers.findById(customerRepo, id));
        CacheStatistics s1 = st.cacheStatistics();
        out.printf("    first read : %s  cache hits=%d misses=%d%n", present(miss),
            s1.hits(customers.qualifiedName()), s1.misses(customers.qualifiedName()));
        Object hit = timed("findById (cached)", () -> customers.findById(customerRepo, id));
        CacheStatistics s2 = st.cacheStatistics();
        boolean wasHit = s2.hits(customers.qualifiedName()) > s1.hits(customers.qualifiedName());
        out.printf("    second read: %s  cache hits=%d misses=%d  -> %s%n", present(hit),
            s2.hits(customers.qualifiedName()), s2.misses(customers.qualifiedName()),
            wasHit ? "cache hit, no HTTP request" : "cache miss");
      }

      heading("Page through invoices, 25 per page");
      Repository<?, ?> invoiceRepo = invoices.repository(st);
      ListQuery<?, ?> iq = invoices.newQuery(invoiceRepo).pageSize(25);
      int pages = 0;
      long invoiceCount = 0;
      long before = c.requests().apiRequests();
      for (int n = 1; n <= 4; n++) {
        final int number = n;
        Page<?> p = timed("invoices page " + n, () -> iq.page(number));
        pages++;
        invoiceCount += p.items().size();
        out.printf("    page %d: %s, hasMore=%s%n", p.number(), Text.count(p.items().size(), "invoice"),
            p.hasMore());
        if (!p.hasMore()) {
          break;
        }
      }
      out.printf("    %s in %s, %s%n", Text.count(invoiceCount, "invoice"),
          Text.count(pages, "page"), Text.count(c.requests().apiRequests() - before, "HTTP request"));

      if (customers.canExport()) {
        heading("Export feed of customers, from the beginning");
        ExportFeed<?> feed = customers.export(customerRepo, ExportCursor.beginning());
        long[] counts = new long[2];
        timed("export feed", () -> {
          ExportBatch<?> batch;
          do {
            batch = feed.nextBatch();
            counts[0] += batch.items().size();
            counts[1]++;
          } while (batch.hasMore() && !batch.items().isEmpty() && counts[1] < 1000);
          return null;
        });
        String token = feed.cursor().token();
        out.printf("    %s in %s; resume token: %s%n", Text.count(counts[0], "customer"),
            Text.count(counts[1], "batch"), token);
        ExportFeed<?> again = customers.export(customerRepo, ExportCursor.from(token));
        ExportBatch<?> next = timed("export resume", again::nextBatch);
        out.printf("    resumed from the token: %s (caught up: %s)%n",
            Text.count(next.items().size(), "new record"), !next.hasMore());
      }

      if (customers.canExport() || customers.canList()) {
        replicaStep(st, customers);
      }

      out.println();
      out.println("Summary");
      timings.forEach((k, v) -> out.printf(Locale.ROOT, "  %-28s %9.2f ms%n", k, v.toNanos() / 1e6));
      out.printf("  HTTP requests sent: %d (token %d, API %d)%n", c.requests().total(),
          c.requests().tokenRequests(), c.requests().apiRequests());
      c.sandbox().requestCount().ifPresent(n ->
          out.printf("  requests the fake server answered: %d%n", n));
      out.printf("  token requests (client): %d%n", st.tokenRequestCount());
      CacheStatistics stats = st.cacheStatistics();
      out.printf("  cache: hits=%d misses=%d%n", stats.hits(), stats.misses());
      for (String r : stats.resources()) {
        if (stats.hits(r) + stats.misses(r) > 0) {
          out.printf("    %-26s hits=%d misses=%d%n", r, stats.hits(r), stats.misses(r));
        }
      }
      out.flush();
    }
    return ExitCodes.OK;
  }

  /** A local replica of customers in an in-memory H2 database: sync, sync again, read offline. */
  private void replicaStep(ServiceTitan st, CliResource customers) {
    heading("Local replica: sync customers into an in-memory H2 database, then sync again");
    try (Replica replica = Replica.builder(st)
        .jdbcUrl("jdbc:h2:mem:titanj-demo-" + System.nanoTime())
        .catalog(root.context.catalog).resources(customers.key()).build()) {
      SyncReport first = timed("replica sync", replica::sync);
      ResourceSyncReport r = first.resources().get(0);
      out.printf("    first sync : %s inserted through the %s in %s; checkpoint stored%n",
          Text.count(r.inserted(), "customer"),
          r.mode() == SyncMode.EXPORT ? "export feed" : "full list", Text.count(r.batches(), "batch"));
      SyncReport again = timed("replica sync again", replica::sync);
      out.printf("    second sync: %s changed (resumed from the checkpoint)%n",
          Text.count(again.changed(), "record"));
      out.printf("    read offline: replica.count(%s) = %d%n", customers.qualifiedName(),
          replica.count(customers.key()));
    }
  }

  private static String present(Object optional) {
    return optional instanceof Optional && ((Optional<?>) optional).isPresent() ? "found" : "not found";
  }

  private static void addIfKnown(QueryBinder b, List<String> filters, String name, String value) {
    if (b.describeFilters().keySet().stream().anyMatch(f -> f.equalsIgnoreCase(name))) {
      filters.add(name + "=" + value);
    }
  }

  private void printTable(RecordEncoder enc, List<?> records, List<String> preferred) {
    List<String> cols = new ArrayList<>();
    if (!records.isEmpty()) {
      Map<String, Object> f = enc.toFields(records.get(0));
      preferred.stream().filter(f::containsKey).forEach(cols::add);
    }
    StringBuilderWriter buf = new StringBuilderWriter();
    try (RecordWriter w = RecordWriter.create(RecordWriter.Format.TABLE, buf.writer, enc, cols)) {
      records.forEach(w::write);
    }
    for (String line : buf.toString().split("\n")) {
      out.println("    " + line);
    }
  }

  private void heading(String title) {
    out.println();
    out.println("[" + (++step) + "] " + title);
    out.flush();
  }

  private <T> T timed(String name, Supplier<T> work) {
    long t0 = System.nanoTime();
    T result = work.get();
    Duration d = Duration.ofNanos(System.nanoTime() - t0);
    timings.put(name, d);
    out.printf(Locale.ROOT, "    (%s: %.2f ms)%n", name, d.toNanos() / 1e6);
    return result;
  }

  /** A PrintWriter over a string buffer. */
  private static final class StringBuilderWriter {
    final java.io.StringWriter sw = new java.io.StringWriter();
    final PrintWriter writer = new PrintWriter(sw);

    @Override
    public String toString() {
      writer.flush();
      return sw.toString();
    }
  }
}
