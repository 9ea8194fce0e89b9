package dev.titanj.benchmarks;

import com.squareup.moshi.JsonAdapter;
import dev.titanj.accounting.Accounting;
import dev.titanj.accounting.model.Invoice;
import dev.titanj.accounting.model.NamedField;
import dev.titanj.core.Active;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.RateLimit;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanSession;
import dev.titanj.core.spi.PagedResponse;
import dev.titanj.crm.Crm;
import dev.titanj.crm.CustomerQuery;
import dev.titanj.crm.CustomerRepository;
import dev.titanj.crm.model.Customer;
import dev.titanj.replica.Replica;
import dev.titanj.testing.FakeServiceTitan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import okio.Buffer;

/**
 * End-to-end measurements against the fake ServiceTitan on loopback (run in a child JVM so its
 * dataset stays out of the measured heap). Three modes, each printing Markdown tables:
 *
 * <pre>
 * sync       sync every customer with injected latency at each page size, sequential (prefetch
 *            off), prefetch, and parallel pages; records/s, requests, token requests, peak heap,
 *            and the ratio to the latency bound (pages x latency / concurrency + decode time)
 *            options: --customers 100000 --latency-ms 25 --page-sizes 500,5000
 *                     --modes sequential,prefetch,parallel2,parallel4,parallel8 --repeats 3
 *                     --sink-ms 0 (a sink that sleeps this long per 500 records, like a batch
 *                     insert; a comma list runs one table per value)
 *                     --rate-limit 0 (requests/s; 0 = unlimited) --server child|inprocess
 *                     --server-heap 3g
 * memory     stream N customers at one page size; peak heap (run the JVM with -Xmx128m)
 *            options: --records 1000000 --page-size 5000 --parallelism 1 --server-heap 12g
 * coldstart  T threads on a brand-new client ask for their first record at once; token requests
 *            and time to first record
 *            options: --threads 64 --latency-ms 25 --repeats 3 (one row per run)
 * defaults   stream every customer with default settings against pages x latency / concurrency
 *            options: --customers 100000 --latency-ms 25 --repeats 5
 * startup    fresh JVMs to their first record ({@link FreshJvmRuns})
 * versus     fresh-JVM sync beside ServicePytan ({@link FreshJvmRuns})
 * </pre>
 */
public final class SyncHarness {
  /** How one sync pages. */
  enum Mode {
    SEQUENTIAL(1, false), PREFETCH(1, true), PARALLEL2(2, true), PARALLEL4(4, true),
    PARALLEL8(8, true);

    final int concurrency;
    final boolean prefetch;

    Mode(int concurrency, boolean prefetch) {
      this.concurrency = concurrency;
      this.prefetch = prefetch;
    }

    String label() {
      return concurrency > 1 ? "parallel(" + concurrency + ")" : name().toLowerCase(Locale.ROOT);
    }

    CustomerQuery apply(CustomerQuery q) {
      q = q.prefetch(prefetch);
      return concurrency > 1 ? q.parallelism(concurrency) : q;
    }
  }

  /** Outcome of one sync run. */
  static final class SyncResult {
    final Mode mode;
    final int pageSize;
    final long records;
    final long elapsedNanos;
    final long requests;
    final long tokenRequests;
    final long peakHeap;
    final long peakAfterGc;

    SyncResult(Mode mode, int pageSize, long records, long elapsedNanos, long requests,
        long tokenRequests, long peakHeap, long peakAfterGc) {
      this.mode = mode;
      this.pageSize = pageSize;
      this.records = records;
      this.elapsedNanos = elapsedNanos;
      this.requests = requests;
      this.tokenRequests = tokenRequests;
      this.peakHeap = peakHeap;
      this.peakAfterGc = peakAfterGc;
    }

    double seconds() {
      return elapsedNanos / 1e9;
    }

    double recordsPerSecond() {
      return records / seconds();
    }
  }

  /** Outcome of a cold start. */
  static final class ColdStartResult {
    final int threads;
    final long tokenRequests;
    final long firstRecords;
    final long[] firstRecordNanos;

    ColdStartResult(int threads, long tokenRequests, long firstRecords, long[] firstRecordNanos) {
      this.threads = threads;
      this.tokenRequests = tokenRequests;
      this.firstRecords = firstRecords;
      this.firstRecordNanos = firstRecordNanos;
    }
  }

  private SyncHarness() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length == 0 || args[0].startsWith("--") ? "sync" : args[0];
    Args a = new Args(args.length > 0 && !args[0].startsWith("--")
        ? Arrays.copyOfRange(args, 1, args.length) : args);
    System.out.println("<!-- " + machine() + " -->");
    switch (mode) {
      case "sync": sync(a); break;
      case "memory": memory(a); break;
      case "coldstart": coldStart(a); break;
      case "references": references(a); break;
      case "replica": replica(a); break;
      case "startup": FreshJvmRuns.startup(a); break;
      case "defaults": defaults(a); break;
      case "versus": FreshJvmRuns.versus(a); break;
      default: throw new IllegalArgumentException("mode must be sync, memory, coldstart,"
          + " references, replica, startup, versus or defaults, was " + mode);
    }
    System.exit(0);
  }

  static String machine() {
    return "cores=" + Runtime.getRuntime().availableProcessors()
        + " jdk=" + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        + " maxHeap=" + HeapMonitor.mib(Runtime.getRuntime().maxMemory())
        + " load=" + String.format(Locale.ROOT, "%.2f",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
        + " gc=" + ManagementFactory.getGarbageCollectorMXBeans().get(0).getName();
  }

  // ------------------------------------------------------------------------------------- sync

  private static void sync(Args a) {
    int customers = a.integer("--customers", 100_000);
    long latency = a.integer("--latency-ms", 25);
    int repeats = a.integer("--repeats", 3);
    int rate = a.integer("--rate-limit", 0);
    List<Integer> pageSizes = new ArrayList<>();
    for (String s : a.text("--page-sizes", "500,5000").split(",")) {
      pageSizes.add(Integer.parseInt(s.trim()));
    }
    List<Mode> modes = new ArrayList<>();
    for (String s : a.text("--modes", "sequential,prefetch,parallel2,parallel4,parallel8").split(",")) {
      modes.add(Mode.valueOf(s.trim().toUpperCase(Locale.ROOT)));
    }
    RateLimit limit = rate == 0 ? RateLimit.unlimited() : RateLimit.perSecond(rate);
    try (BenchServer server = server(a, customers)) {
      // Warm the client code paths (JIT) on a short unthrottled sync before measuring.
      server.latency(0);
      for (Mode m : List.of(Mode.SEQUENTIAL, Mode.PARALLEL4)) {
        runSync(server, m, 500, Math.min(customers, 20_000), 0, limit);
      }
      server.latency(latency);
      for (String sink : a.text("--sink-ms", "0").split(",")) {
        syncTable(server, customers, latency, repeats, Long.parseLong(sink.trim()), rate, limit,
            pageSizes, modes);
      }
    }
  }

  private static void syncTable(BenchServer server, int customers, long latency, int repeats,
      long sinkMs, int rate, RateLimit limit, List<Integer> pageSizes, List<Mode> modes) {
    System.out.printf(Locale.ROOT, "%n### Sync of %,d customers, %d ms latency per request, "
        + "sink %s, rate limit %s, %d repeats%n%n", customers, latency,
        sinkMs == 0 ? "none (count only)" : sinkMs + " ms per 500 records",
        rate == 0 ? "off" : rate + "/s", repeats);
    System.out.println("| page size | mode | records | median s (min-max) | records/s | vs sequential"
        + " | requests | token requests | decode ms/page | latency bound s | ratio to bound"
        + " | peak heap | peak after GC |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (int pageSize : pageSizes) {
      double decodeMs = decodeMillisPerPage(server, pageSize);
      double sequentialMedian = Double.NaN;
      for (Mode m : modes) {
        List<SyncResult> runs = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
          runs.add(runSync(server, m, pageSize, 0, sinkMs, limit));
        }
        double[] secs = runs.stream().mapToDouble(SyncResult::seconds).sorted().toArray();
        double median = median(secs);
        if (m == Mode.SEQUENTIAL) {
          sequentialMedian = median;
        }
        SyncResult last = runs.get(runs.size() - 1);
        long pages = (customers + pageSize - 1) / pageSize;
        // Fetching alone: pages x latency / concurrency + decode. With a sink, a sequential sync
        // adds the sink's time; a prefetching one can at best hide the shorter of the two.
        double fetch = pages * latency / 1000.0 / m.concurrency + pages * decodeMs / 1000.0;
        double sinkTotal = customers / 500 * sinkMs / 1000.0;
        double bound = m.prefetch ? Math.max(fetch, sinkTotal) : fetch + sinkTotal;
        long peak = runs.stream().mapToLong(x -> x.peakHeap).max().orElse(0);
        long peakGc = runs.stream().mapToLong(x -> x.peakAfterGc).max().orElse(0);
        System.out.printf(Locale.ROOT,
            "| %d | %s | %,d | %.2f (%.2f-%.2f) | %,.0f | %s | %d | %d | %.1f | %.2f | %s | %s | %s |%n",
            pageSize, m.label(), last.records, median, secs[0], secs[secs.length - 1],
            last.records / median,
            Double.isNaN(sequentialMedian) ? "-" : String.format(Locale.ROOT, "%.2fx",
                sequentialMedian / median),
            last.requests, last.tokenRequests, decodeMs, bound,
            String.format(Locale.ROOT, "%.2f", median / bound),
            HeapMonitor.mib(peak), peakGc == 0 ? "no GC" : HeapMonitor.mib(peakGc));
      }
    }
  }

  private static BenchServer server(Args a, int customers) {
    String where = a.text("--server", "child");
    return where.equals("inprocess") ? BenchServer.inProcess(customers)
        : BenchServer.child(customers, a.text("--server-heap", "3g"));
  }

  /**
   * Syncs every customer (active or not; the first {@code limit} when positive) with a new client
   * and counts them; the client's token
   * request and connection are made by a one-record warm-up call outside the timed window.
   */
  static SyncResult runSync(BenchServer server, Mode mode, int pageSize, long limit,
      long sinkMsPer500, RateLimit rateLimit) {
    BenchServer.Stats before = server.stats();
    try (ServiceTitan st = server.clientBuilder(rateLimit).build()) {
      CustomerRepository customers = Crm.of(st).customers();
      customers.query().active(Active.ANY).pageSize(1).page(1);
      BenchServer.Stats warm = server.stats();
      CustomerQuery q = mode.apply(customers.query().active(Active.ANY).pageSize(pageSize));
      if (limit > 0) {
        q = q.limit(limit);
      }
      long count = 0;
      long idSum = 0;
      long t0;
      long elapsed;
      try (HeapMonitor heap = new HeapMonitor()) {
        t0 = System.nanoTime();
        try (Stream<Customer> s = q.stream()) {
          Iterator<Customer> it = s.iterator();
          while (it.hasNext()) {
            idSum += it.next().id();
            count++;
            if (sinkMsPer500 > 0 && count % 500 == 0) {
              sleep(sinkMsPer500);
            }
          }
        }
        elapsed = System.nanoTime() - t0;
        BenchServer.Stats after = server.stats();
        if (idSum == 0 && count > 0) {
          throw new IllegalStateException("ids did not decode");
        }
        return new SyncResult(mode, pageSize, count, elapsed,
            after.customerListRequests - warm.customerListRequests,
            after.tokenRequests - before.tokenRequests, heap.peakUsed(), heap.peakAfterGc());
      }
    }
  }

  /** Median time to decode one page of {@code pageSize} customers, warm. */
  static double decodeMillisPerPage(BenchServer server, int pageSize) {
    byte[] bytes = Payloads.page(server.baseUrl(), "crm", "customers", pageSize, "active=Any");
    JsonAdapter<PagedResponse<Customer>> adapter = DecodeBenchmark.pageAdapter(Customer.class);
    int n = Math.max(5, 100_000 / pageSize);
    double[] ms = new double[n];
    try {
      for (int warm = 0; warm < n; warm++) {
        adapter.fromJson(new Buffer().write(bytes));
      }
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        adapter.fromJson(new Buffer().write(bytes));
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Arrays.sort(ms);
    return median(ms);
  }

  // --------------------------------------------------------------------------------- defaults

  /**
   * A whole-tenant stream with every setting at its default (client and query: no page size,
   * no parallelism, the default 60/s rate limit, default retries), on a new client per run after
   * a warm-up, against the bound {@code pages x latency / concurrency} where concurrency is what
   * the default rate limit allows at this latency. The limit is a sliding second, so when all the
   * requests fit in one second's budget it allows them all at once and the concurrency is the
   * paging parallelism; beyond that it is {@code min(parallelism, rate x latency)} (Little's law).
   * The client's decode time per page (warm, one thread) is printed beside it: on two cores it
   * is a floor the bound does not count. Options: --customers 100000 --latency-ms 25 --repeats 5.
   */
  private static void defaults(Args a) {
    int customers = a.integer("--customers", 100_000);
    long latency = a.integer("--latency-ms", 25);
    int repeats = a.integer("--repeats", 5);
    try (BenchServer server = server(a, customers)) {
      server.latency(0);
      for (int i = 0; i < 3; i++) {
        runDefaults(server); // JIT warm-up, unthrottled server
      }
      server.latency(latency);
      RateLimit limit = RateLimit.defaults();
      int parallelism = dev.titanj.core.spi.QueryState.DEFAULT_PARALLELISM;
      System.out.printf(Locale.ROOT, "%n### Stream of %,d customers with default settings, %d ms"
          + " latency per request, %d repeats (load %.2f)%n%n", customers, latency, repeats,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.println("| run | load | records | seconds | requests | token requests | page size"
          + " | bound s | ratio to bound |");
      System.out.println("|---|---|---|---|---|---|---|---|---|");
      double[] secs = new double[repeats];
      double bound = 0;
      for (int r = 0; r < repeats; r++) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        SyncResult res = runDefaults(server);
        int pageSize = (int) ((customers + res.requests - 1) / res.requests);
        double concurrency = res.requests <= limit.requestsPerSecond() ? parallelism
            : Math.min(parallelism, limit.requestsPerSecond() * latency / 1000.0);
        bound = res.requests * latency / 1000.0 / concurrency;
        secs[r] = res.seconds();
        System.out.printf(Locale.ROOT, "| %d | %.2f | %,d | %.3f | %d | %d | %,d | %.3f | %.2f |%n",
            r + 1, load, res.records, res.seconds(), res.requests, res.tokenRequests, pageSize,
            bound, res.seconds() / bound);
        if (res.records != customers) {
          throw new IllegalStateException("streamed " + res.records + " of " + customers);
        }
      }
      Arrays.sort(secs);
      double decodeMs = decodeMillisPerPage(server, Math.min(5000, customers));
      long pages = (customers + 4999) / 5000;
      System.out.printf(Locale.ROOT, "%nmedian %.3f s against the bound %.3f s: **%.2fx** (target"
          + " <= 1.3x); the %d requests fit in one second of the %d/s sliding window, so the"
          + " concurrency is the paging parallelism, %d; client decode alone: %.1f ms per page"
          + " of 5,000 (warm, one thread), %.3f s for %d pages; load %.2f at the end%n",
          median(secs), bound, median(secs) / bound, pages, limit.requestsPerSecond(), parallelism,
          decodeMs, pages * decodeMs / 1000, pages,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** One default-settings stream of every customer on a new client (token fetched first). */
  private static SyncResult runDefaults(BenchServer server) {
    BenchServer.Stats before = server.stats();
    try (ServiceTitan st = ServiceTitan.builder()
        .environment(dev.titanj.core.Environment.custom(server.baseUrl(), server.baseUrl()))
        .clientCredentials(FakeServiceTitan.DEFAULT_CLIENT_ID, FakeServiceTitan.DEFAULT_CLIENT_SECRET)
        .appKey(FakeServiceTitan.DEFAULT_APP_KEY).tenant(FakeServiceTitan.DEFAULT_TENANT_ID)
        .build()) {
      CustomerRepository customers = Crm.of(st).customers();
      st.verifyCredentials();
      BenchServer.Stats warm = server.stats();
      long count = 0;
      long idSum = 0;
      try (HeapMonitor heap = new HeapMonitor()) {
        long t0 = System.nanoTime();
        try (Stream<Customer> s = customers.query().active(Active.ANY).stream()) {
          Iterator<Customer> it = s.iterator();
          while (it.hasNext()) {
            idSum += it.next().id();
            count++;
          }
        }
        long elapsed = System.nanoTime() - t0;
        BenchServer.Stats after = server.stats();
        if (idSum == 0 && count > 0) {
          throw new IllegalStateException("ids did not decode");
        }
        return new SyncResult(Mode.PARALLEL4, 0, count, elapsed,
            after.customerListRequests - warm.customerListRequests,
            after.tokenRequests - before.tokenRequests, heap.peakUsed(), heap.peakAfterGc());
      }
    }
  }

  // ----------------------------------------------------------------------------------- memory

  private static void memory(Args a) {
    int records = a.integer("--records", 1_000_000);
    int pageSize = a.integer("--page-size", 5000);
    int parallelism = a.integer("--parallelism", 1);
    try (BenchServer server = a.text("--server", "child").equals("inprocess")
        ? BenchServer.inProcess(records) : BenchServer.child(records, a.text("--server-heap", "12g"))) {
      System.out.printf(Locale.ROOT, "%n### Streaming %,d customers at -Xmx %s, page size %d, %s%n%n",
          records, HeapMonitor.mib(Runtime.getRuntime().maxMemory()), pageSize,
          parallelism > 1 ? "parallelism " + parallelism : "prefetch");
      SyncResult r = runSync(server, parallelism > 1 ? parallelMode(parallelism) : Mode.PREFETCH,
          pageSize, 0, 0, RateLimit.unlimited());
      System.out.println("| records | seconds | records/s | requests | token requests | peak heap"
          + " | peak after GC | max heap |");
      System.out.println("|---|---|---|---|---|---|---|---|");
      System.out.printf(Locale.ROOT, "| %,d | %.1f | %,.0f | %d | %d | %s | %s | %s |%n",
          r.records, r.seconds(), r.recordsPerSecond(), r.requests, r.tokenRequests,
          HeapMonitor.mib(r.peakHeap), r.peakAfterGc == 0 ? "no GC" : HeapMonitor.mib(r.peakAfterGc),
          HeapMonitor.mib(Runtime.getRuntime().maxMemory()));
      if (r.records != records) {
        throw new IllegalStateException("streamed " + r.records + " records, expected " + records);
      }
    }
  }

  private static Mode parallelMode(int k) {
    return Mode.valueOf("PARALLEL" + k);
  }

  // -------------------------------------------------------------------------------- coldstart

  private static void coldStart(Args a) throws InterruptedException {
    int threads = a.integer("--threads", 64);
    long latency = a.integer("--latency-ms", 25);
    try (BenchServer server = server(a, a.integer("--customers", 1_000))) {
      // Warm the JIT on another client, then measure on new ones.
      server.latency(0);
      runColdStart(server, threads, RateLimit.unlimited());
      server.latency(latency);
      System.out.printf(Locale.ROOT, "%n### Cold start: %d threads, one new client, %d ms latency"
          + " on token and resource requests%n%n", threads, latency);
      System.out.println("| client rate limit | token requests | first records | time to first record"
          + " min / median / p90 / max ms |");
      System.out.println("|---|---|---|---|");
      int repeats = a.integer("--repeats", 3);
      for (RateLimit limit : List.of(RateLimit.unlimited(), RateLimit.defaults())) {
        for (int rep = 0; rep < repeats; rep++) {
          ColdStartResult r = runColdStart(server, threads, limit);
          long[] t = r.firstRecordNanos.clone();
          Arrays.sort(t);
          System.out.printf(Locale.ROOT, "| %s | %d | %d/%d | %.1f / %.1f / %.1f / %.1f |%n",
              limit.isLimited() ? limit.requestsPerSecond() + "/s (default)" : "unlimited",
              r.tokenRequests, r.firstRecords, r.threads, t[0] / 1e6, t[t.length / 2] / 1e6,
              t[(int) Math.ceil(t.length * 0.9) - 1] / 1e6, t[t.length - 1] / 1e6);
        }
      }
    }
  }

  /** {@code threads} threads on one brand-new client each read their first customer at once. */
  static ColdStartResult runColdStart(BenchServer server, int threads, RateLimit limit)
      throws InterruptedException {
    BenchServer.Stats before = server.stats();
    long[] firstRecord = new long[threads];
    AtomicLong found = new AtomicLong();
    try (ServiceTitan st = server.clientBuilder(limit).build()) {
      CustomerRepository customers = Crm.of(st).customers();
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      CountDownLatch done = new CountDownLatch(threads);
      long[] start = new long[1];
      List<Thread> ts = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        Thread t = new Thread(() -> {
          try {
            ready.countDown();
            go.await();
            try (Stream<Customer> s = customers.query().active(Active.ANY).pageSize(50).stream()) {
              Optional<Customer> c = s.findFirst();
              firstRecord[n] = System.nanoTime() - start[0];
              if (c.isPresent()) {
                found.incrementAndGet();
              }
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            done.countDown();
          }
        }, "cold-" + i);
        ts.add(t);
        t.start();
      }
      ready.await();
      start[0] = System.nanoTime();
      go.countDown();
      done.await();
    }
    long tokens = server.stats().minus(before).tokenRequests;
    return new ColdStartResult(threads, tokens, found.get(), firstRecord);
  }

  // ---------------------------------------------------------------------------------- helpers

  // ------------------------------------------------------------------------------- references

  /**
   * The N+1 problem: the customers of {@code --invoices} invoices, read one {@code findById} per
   * invoice against {@code session.load(Invoice.CUSTOMER, invoices)}, each on a fresh client
   * (nothing cached), at {@code --latency-ms} per request.
   */
  private static void references(Args a) {
    int invoices = a.integer("--invoices", 10_000);
    int customers = a.integer("--customers", 2_000);
    long latency = a.integer("--latency-ms", 25);
    try (FakeServiceTitan fake = FakeServiceTitan.start(FakeServiceTitan.Options.defaults()
        .customers(customers).invoices(invoices).seed(7))) {
      List<Invoice> all;
      try (ServiceTitan st = fake.clientBuilder().build()) {
        all = Accounting.of(st).invoices().query().pageSize(5_000).limit(invoices).toList();
      }
      long distinct = all.stream().map(Invoice.CUSTOMER::idsOf).flatMap(List::stream).distinct()
          .count();
      fake.faults().latency(Duration.ofMillis(latency));
      System.out.printf(Locale.ROOT, "%n### Customers of %,d invoices (%,d distinct), %d ms latency"
          + " per request%n%n| way | customer requests | seconds |%n|---|---:|---:|%n", all.size(),
          distinct, latency);
      String path = "/crm/v2/tenant/" + FakeServiceTitan.DEFAULT_TENANT_ID + "/customers";
      long before = requestsUnder(fake, path);
      long t0 = System.nanoTime();
      try (ServiceTitan st = fake.clientBuilder().build()) {
        CustomerRepository repo = Crm.of(st).customers();
        long found = 0;
        for (Invoice i : all) {
          Optional<Long> id = i.customer().map(NamedField::id);
          if (id.isPresent() && repo.findById(id.get()).isPresent()) {
            found++;
          }
        }
        check(found == all.size(), "per-record reads found " + found);
      }
      double perRecord = (System.nanoTime() - t0) / 1e9;
      long perRecordRequests = requestsUnder(fake, path) - before;
      System.out.printf(Locale.ROOT, "| findById per invoice | %,d | %.2f |%n", perRecordRequests,
          perRecord);
      before = requestsUnder(fake, path);
      t0 = System.nanoTime();
      try (ServiceTitan st = fake.clientBuilder().build(); TitanSession session = st.openSession()) {
        Map<Long, Customer> owners = session.load(Invoice.CUSTOMER, all);
        check(owners.size() == distinct, "session found " + owners.size());
      }
      double batched = (System.nanoTime() - t0) / 1e9;
      long batchedRequests = requestsUnder(fake, path) - before;
      System.out.printf(Locale.ROOT, "| session.load | %,d | %.2f |%n%n%.0fx fewer requests,"
          + " %.1fx faster%n", batchedRequests, batched,
          (double) perRecordRequests / batchedRequests, perRecord / batched);
    }
  }

  /**
   * The replica's sync against a plain export stream into nothing: {@code --records} customers
   * from the fake server in a child JVM (export batches of 500), first streamed and counted, then
   * synced into a new H2 replica in a temporary folder, in this JVM's heap (run with -Xmx256m).
   */
  private static void replica(Args a) throws IOException {
    int records = a.integer("--records", 1_000_000);
    try (BenchServer server = BenchServer.child(records, a.text("--server-heap", "12g"))) {
      double plain;
      long streamed;
      try (ServiceTitan st = server.clientBuilder(RateLimit.unlimited()).build()) {
        long t0 = System.nanoTime();
        try (Stream<Customer> s = Crm.of(st).customers().export(ExportCursor.beginning()).stream()) {
          streamed = s.count();
        }
        plain = (System.nanoTime() - t0) / 1e9;
      }
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("titanj-replica-bench");
      double synced;
      long stored;
      long peak;
      try (ServiceTitan st = server.clientBuilder(RateLimit.unlimited()).build();
           HeapMonitor heap = new HeapMonitor();
           Replica replica = Replica.builder(st).directory(dir).resources(Crm.CUSTOMERS)
               .maxBatchesPerSync(1_000_000).build()) {
        long t0 = System.nanoTime();
        replica.sync();
        synced = (System.nanoTime() - t0) / 1e9;
        stored = replica.count(Crm.CUSTOMERS);
        peak = heap.peakUsed();
      }
      check(streamed == records && stored == records,
          "streamed " + streamed + ", stored " + stored + ", expected " + records);
      System.out.printf(Locale.ROOT, "%n### Replica sync of %,d customers at -Xmx %s (H2 file)%n%n"
          + "| way | records | seconds | records/s |%n|---|---:|---:|---:|%n"
          + "| export stream into nothing | %,d | %.1f | %,.0f |%n"
          + "| `replica.sync()` | %,d | %.1f | %,.0f |%n%n%.2fx of the plain stream; peak heap %s%n",
          records, HeapMonitor.mib(Runtime.getRuntime().maxMemory()), streamed, plain,
          streamed / plain, stored, synced, stored / synced, plain / synced, HeapMonitor.mib(peak));
    }
  }

  /** Requests for {@code path} and the paths below it ({@code /customers/42}). */
  private static long requestsUnder(FakeServiceTitan fake, String path) {
    return fake.requestCounts().entrySet().stream()
        .filter(e -> e.getKey().equals(path) || e.getKey().startsWith(path + "/"))
        .mapToLong(Map.Entry::getValue).sum();
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** {@code --name value} options. */
  static final class Args {
    private final String[] args;

    Args(String[] args) {
      this.args = args;
    }

    String text(String name, String fallback) {
      for (int i = 0; i < args.length - 1; i++) {
        if (args[i].equals(name)) {
          return args[i + 1];
        }
      }
      return fallback;
    }

    int integer(String name, int fallback) {
      return Integer.parseInt(text(name, Integer.toString(fallback)));
    }

    boolean flag(String name) {
      return Arrays.asList(args).contains(name);
    }
  }
}
