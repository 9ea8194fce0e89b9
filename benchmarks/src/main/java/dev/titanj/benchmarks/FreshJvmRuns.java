package dev.titanj.benchmarks;

import dev.titanj.testing.FakeServiceTitan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The harness modes that measure fresh JVMs (and, for comparison, a fresh Python process):
 *
 * <pre>
 * startup   N new JVMs each build a default client and read their first customer
 *           ({@link FirstRecordMain} first); time from main to the first record, median of N
 *           options: --runs 10 --latency-ms 0 --classes (one more JVM with -Xlog:class+load,
 *                    counting the classes it loads and those of JMX and TLS)
 * versus    sync N customers with default settings and an explicit page size in new JVMs,
 *           alternating with ServicePytan's Endpoint("crm", "customers").get_all({"pageSize": P})
 *           in new Python processes against the same fake server; the ratio of medians
 *           options: --customers 20000 --latency-ms 10 --page-size 500 --runs 5
 *                    --python /path/to/python (an interpreter that can import servicepytan)
 * </pre>
 *
 * <p>Both print the 1-minute load average before every run: results taken under load are not
 * results.
 */
final class FreshJvmRuns {
  private FreshJvmRuns() {}

  static void startup(SyncHarness.Args a) {
    int runs = a.integer("--runs", 10);
    try (BenchServer server = BenchServer.child(1_000, "1g")) {
      server.latency(a.integer("--latency-ms", 0));
      System.out.printf(Locale.ROOT, "%n### Cold start: %d fresh JVMs, default client, first customer"
          + " (%d ms latency)%n%n", runs, a.integer("--latency-ms", 0));
      System.out.println("| run | load | main -> first record ms | build() ms | Crm.of ms |"
          + " process wall ms |");
      System.out.println("|---|---|---|---|---|---|");
      double[] first = new double[runs];
      double[] wall = new double[runs];
      for (int i = 0; i < runs; i++) {
        double load = load();
        long t0 = System.nanoTime();
        String[] f = runJava(List.of(), "first", server.baseUrl().toString()).split(" ");
        wall[i] = (System.nanoTime() - t0) / 1e6;
        first[i] = Double.parseDouble(f[1]);
        System.out.printf(Locale.ROOT, "| %d | %.2f | %s | %s | %s | %.0f |%n", i + 1, load, f[1],
            f[2], f[3], wall[i]);
      }
      System.out.printf(Locale.ROOT, "%nmedian main -> first record: **%.1f ms** (process wall"
          + " %.0f ms); load %.2f at the end%n", median(first), median(wall), load());
      if (a.flag("--classes")) {
        classes(server);
      }
    }
  }

  /** One more JVM with class loading logged: how many classes, and whether JMX or TLS load. */
  private static void classes(BenchServer server) {
    try {
      Path log = Files.createTempFile("titanj-classes", ".log");
      runJava(List.of("-Xlog:class+load=info:file=" + log), "first", server.baseUrl().toString());
      List<String> lines = Files.readAllLines(log);
      long total = lines.stream().filter(l -> l.contains(" source: ")).count();
      long jmx = lines.stream().filter(l -> l.contains("javax.management.")).count();
      long tls = lines.stream().filter(l -> l.contains("sun.security.ssl.") || l.contains("javax.net.ssl."))
          .count();
      long ehcache = lines.stream().filter(l -> l.contains("org.ehcache.")).count();
      long retrofit = lines.stream().filter(l -> l.contains("retrofit2.")).count();
      System.out.printf(Locale.ROOT, "%nclasses loaded: %d (javax.management %d, TLS %d, Ehcache %d,"
          + " Retrofit %d)%n", total, jmx, tls, ehcache, retrofit);
      Files.deleteIfExists(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void versus(SyncHarness.Args a) {
    int customers = a.integer("--customers", 20_000);
    int latency = a.integer("--latency-ms", 10);
    int pageSize = a.integer("--page-size", 500);
    int runs = a.integer("--runs", 5);
    String python = a.text("--python", "python3");
    try (BenchServer server = BenchServer.child(customers, "3g")) {
      server.latency(latency);
      String url = server.baseUrl().toString();
      System.out.printf(Locale.ROOT, "%n### Sync of %,d customers, %d ms latency, page size %d:"
          + " TitanJ (fresh JVM, default settings) against ServicePytan (fresh process)%n%n",
          customers, latency, pageSize);
      System.out.println("| run | load | TitanJ main -> last record ms | TitanJ requests | TitanJ"
          + " process wall ms | ServicePytan get_all ms | ServicePytan requests | ServicePytan"
          + " process wall ms |");
      System.out.println("|---|---|---|---|---|---|---|---|");
      double[] tj = new double[runs];
      double[] py = new double[runs];
      double[] tjWall = new double[runs];
      double[] pyWall = new double[runs];
      for (int i = 0; i < runs; i++) {
        double load = load();
        BenchServer.Stats s0 = server.stats();
        long t0 = System.nanoTime();
        String[] t = runJava(List.of(), "sync", url, Integer.toString(pageSize)).split(" ");
        tjWall[i] = (System.nanoTime() - t0) / 1e6;
        BenchServer.Stats s1 = server.stats();
        t0 = System.nanoTime();
        String[] p = run(List.of(python, "-c", PYTHON, url, Long.toString(
            FakeServiceTitan.DEFAULT_TENANT_ID), Integer.toString(pageSize)), "PYTAN").split(" ");
        pyWall[i] = (System.nanoTime() - t0) / 1e6;
        BenchServer.Stats s2 = server.stats();
        if (Long.parseLong(t[2]) <= 0 || !t[2].equals(p[2])) {
          throw new IllegalStateException("TitanJ read " + t[2] + " customers, ServicePytan " + p[2]);
        }
        tj[i] = Double.parseDouble(t[1]);
        py[i] = Double.parseDouble(p[1]);
        System.out.printf(Locale.ROOT, "| %d | %.2f | %s | %d (%d token) | %.0f | %s | %d (%d token)"
            + " | %.0f |%n", i + 1, load, t[1], s1.minus(s0).allRequests,
            s1.minus(s0).tokenRequests, tjWall[i], p[1], s2.minus(s1).allRequests,
            s2.minus(s1).tokenRequests, pyWall[i]);
      }
      System.out.printf(Locale.ROOT, "%nmedian TitanJ %.1f ms, ServicePytan %.1f ms: TitanJ is"
          + " **%.2fx** faster (process wall %.0f ms against %.0f ms: %.2fx); load %.2f at the end%n",
          median(tj), median(py), median(py) / median(tj), median(tjWall), median(pyWall),
          median(pyWall) / median(tjWall), load());
    }
  }

  /**
   * The ServicePytan side: the README's call, with the connection's roots pointed at the fake
   * server; the time is taken around {@code get_all} only (imports and interpreter start are in
   * the process wall time). Two wire details are adapted to the fake server, neither changing
   * the number or order of requests: ServicePytan sends an empty JSON body with every GET, which
   * the fake server cannot read, and its bearer token without the {@code Bearer} prefix, which
   * the fake server refuses.
   */
  private static final String PYTHON = String.join("\n",
      "import sys, time",
      "import requests",
      "from servicepytan import auth",
      "from servicepytan.requests import Endpoint",
      "_request = requests.request",
      "def _adapted(method, url, **kw):",
      "    if method == 'GET' and not kw.get('json') and not kw.get('data'):",
      "        kw.pop('json', None); kw.pop('data', None)",
      "    h = kw.get('headers') or {}",
      "    if 'Authorization' in h and not h['Authorization'].startswith('Bearer '):",
      "        kw['headers'] = dict(h, Authorization='Bearer ' + h['Authorization'])",
      "    return _request(method, url, **kw)",
      "requests.request = _adapted",
      "url, tenant, size = sys.argv[1].rstrip('/'), sys.argv[2], int(sys.argv[3])",
      "conn = auth.servicepytan_connect(api_environment='production', app_key='"
          + FakeServiceTitan.DEFAULT_APP_KEY + "', tenant_id=tenant, client_id='"
          + FakeServiceTitan.DEFAULT_CLIENT_ID + "', client_secret='"
          + FakeServiceTitan.DEFAULT_CLIENT_SECRET + "')",
      "conn['auth_root'] = url",
      "conn['api_root'] = url",
      "t0 = time.perf_counter()",
      "data = Endpoint('crm', 'customers', conn=conn).get_all({'pageSize': size})",
      "t1 = time.perf_counter()",
      "print('PYTAN %.1f %d' % ((t1 - t0) * 1000, len(data)))");

  private static String runJava(List<String> jvmFlags, String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(jvmFlags);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
        FirstRecordMain.class.getName()));
    cmd.addAll(Arrays.asList(args));
    return run(cmd, args[0].equals("first") ? "FIRST" : "SYNC");
  }

  /** Runs a command to its end and returns its output line that starts with {@code tag}. */
  private static String run(List<String> cmd, String tag) {
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String found = null;
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith(tag + " ")) {
            found = line;
          }
        }
      }
      int rc = p.waitFor();
      if (rc != 0 || found == null) {
        throw new IllegalStateException(cmd.get(0) + " exited " + rc + " without a " + tag + " line");
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
