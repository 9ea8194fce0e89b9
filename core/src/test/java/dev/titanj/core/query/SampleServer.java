package dev.titanj.core.query;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.Environment;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A loopback fake of the sample resource on MockWebServer: token endpoint, paged list with
 * {@code ids}/{@code includeTotal}, get and patch by id, and an export feed, per tenant; with
 * injectable delays and one-shot faults, and a log of every API request with its arrival time.
 */
public final class SampleServer implements AutoCloseable {
  private static final Pattern LIST = Pattern.compile("/test/v2/tenant/(\\d+)/samples");
  private static final Pattern ONE = Pattern.compile("/test/v2/tenant/(\\d+)/samples/(\\d+)");
  private static final Pattern EXPORT = Pattern.compile("/test/v2/tenant/(\\d+)/export/samples");

  /** One API request as the server saw it. */
  public static final class Seen {
    public final String method;
    public final HttpUrl url;
    public final long arrivedNanos;

    Seen(String method, HttpUrl url, long arrivedNanos) {
      this.method = method;
      this.url = url;
      this.arrivedNanos = arrivedNanos;
    }

    public String path() {
      return url.encodedPath();
    }

    public String param(String name) {
      return url.queryParameter(name);
    }

    public int page() {
      return Integer.parseInt(url.queryParameter("page"));
    }

    @Override
    public String toString() {
      return method + " " + url.encodedPath() + "?" + url.encodedQuery();
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final Map<Long, TreeMap<Long, Sample>> data = new ConcurrentHashMap<>();
  /** Per tenant: ids in the order they were created or changed, for the export feed. */
  private final Map<Long, List<Long>> changeLog = new ConcurrentHashMap<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> faults = new ConcurrentHashMap<>();
  private final Map<String, Integer> faultCodes = new ConcurrentHashMap<>();
  private volatile long listDelayMillis;
  private volatile int exportBatchSize = 10;
  private volatile Consumer<Seen> onRequest = s -> { };
  private final AtomicInteger tokenRequests = new AtomicInteger();

  public SampleServer() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return handle(request);
      }
    });
    server.start();
  }

  /** Adds records 1..count (named {@code t<tenant>-<id>}) for {@code tenant}. */
  public SampleServer seed(long tenant, int count) {
    for (long id = 1; id <= count; id++) {
      put(tenant, new Sample(id, "t" + tenant + "-" + id));
    }
    return this;
  }

  public synchronized void put(long tenant, Sample s) {
    data.computeIfAbsent(tenant, t -> new TreeMap<>()).put(s.id, s);
    List<Long> log = changeLog.computeIfAbsent(tenant, t -> new CopyOnWriteArrayList<>());
    log.add(s.id);
  }

  /** Every list request waits this long before its headers are sent. */
  public void listDelay(long millis) {
    this.listDelayMillis = millis;
  }

  public void exportBatchSize(int n) {
    this.exportBatchSize = n;
  }

  /** The next {@code times} requests matching {@code key} (see {@link #faultKey}) answer {@code code}. */
  public void fail(String key, int code, int times) {
    faults.put(key, new AtomicInteger(times));
    faultCodes.put(key, code);
  }

  /** Fault key of a list page: {@code list:page=N}; of an export batch: {@code export:from=X}. */
  public static String pageKey(int page) {
    return "list:page=" + page;
  }

  public static String exportKey(String from) {
    return "export:from=" + from;
  }

  public void onRequest(Consumer<Seen> listener) {
    this.onRequest = listener;
  }

  /** API requests (not token requests) in arrival order. */
  public List<Seen> requests() {
    return new ArrayList<>(seen);
  }

  public List<Seen> listRequests() {
    List<Seen> out = new ArrayList<>();
    for (Seen s : seen) {
      if (LIST.matcher(s.path()).matches()) {
        out.add(s);
      }
    }
    return out;
  }

  public int tokenRequests() {
    return tokenRequests.get();
  }

  public String url() {
    return server.url("/").toString();
  }

  /** A client of {@code tenant} against this server that never sleeps. */
  public ServiceTitan.Builder client(long tenant) {
    return ServiceTitan.builder()
        .environment(Environment.custom(url(), url()))
        .clientCredentials("client-" + tenant, "secret-" + tenant)
        .appKey("app")
        .tenant(tenant)
        .retryPolicy(RetryPolicy.none())
        .sleeper(d -> { })
        .clock(Clock.systemUTC())
        .cache(CacheSettings.disabled());
  }

  private MockResponse handle(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    String path = url.encodedPath();
    if (path.equals("/connect/token")) {
      tokenRequests.incrementAndGet();
      return json(200, "{\"access_token\":\"t\",\"expires_in\":900}");
    }
    Seen s = new Seen(request.getMethod(), url, System.nanoTime());
    seen.add(s);
    onRequest.accept(s);
    Matcher m;
    if ((m = LIST.matcher(path)).matches()) {
      MockResponse fault = fault(pageKey(Integer.parseInt(url.queryParameter("page"))));
      if (fault != null) {
        return fault;
      }
      MockResponse.Builder b = new MockResponse.Builder().code(200)
          .setHeader("Content-Type", "application/json").body(list(Long.parseLong(m.group(1)), url));
      if (listDelayMillis > 0) {
        b.headersDelay(listDelayMillis, TimeUnit.MILLISECONDS);
      }
      return b.build();
    }
    if ((m = ONE.matcher(path)).matches()) {
      long tenant = Long.parseLong(m.group(1));
      long id = Long.parseLong(m.group(2));
      MockResponse fault = fault("one:" + id);
      if (fault != null) {
        return fault;
      }
      Sample found = data.getOrDefault(tenant, new TreeMap<>()).get(id);
      if (found == null) {
        return json(404, "{\"title\":\"Not found\",\"status\":404}");
      }
      if (request.getMethod().equals("PATCH")) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        Matcher n = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
        Sample updated = new Sample(id, n.find() ? n.group(1) : found.name);
        put(tenant, updated);
        found = updated;
      }
      return json(200, toJson(found));
    }
    if ((m = EXPORT.matcher(path)).matches()) {
      String from = url.queryParameter("from");
      MockResponse fault = fault(exportKey(from));
      if (fault != null) {
        return fault;
      }
      return json(200, export(Long.parseLong(m.group(1)), from));
    }
    return json(404, "{\"title\":\"no such path\"}");
  }

  private MockResponse fault(String key) {
    AtomicInteger left = faults.get(key);
    if (left != null && left.getAndDecrement() > 0) {
      return json(faultCodes.get(key), "{\"title\":\"injected\",\"status\":" + faultCodes.get(key) + "}");
    }
    return null;
  }

  private synchronized String list(long tenant, HttpUrl url) {
    List<Sample> all = new ArrayList<>(data.getOrDefault(tenant, new TreeMap<>()).values());
    String ids = url.queryParameter("ids");
    if (ids != null) {
      List<Long> wanted = new ArrayList<>();
      for (String id : ids.split(",")) {
        wanted.add(Long.parseLong(id));
      }
      all.removeIf(x -> !wanted.contains(x.id));
    }
    String name = url.queryParameter("name");
    if (name != null) {
      all.removeIf(x -> !x.name.contains(name));
    }
    int page = Integer.parseInt(url.queryParameter("page"));
    int size = Integer.parseInt(url.queryParameter("pageSize"));
    int from = Math.min(all.size(), (page - 1) * size);
    int to = Math.min(all.size(), from + size);
    StringBuilder sb = new StringBuilder("{\"page\":").append(page).append(",\"pageSize\":")
        .append(size).append(",\"hasMore\":").append(to < all.size());
    if ("true".equals(url.queryParameter("includeTotal"))) {
      sb.append(",\"totalCount\":").append(all.size());
    }
    sb.append(",\"data\":[");
    for (int i = from; i < to; i++) {
      sb.append(i > from ? "," : "").append(toJson(all.get(i)));
    }
    return sb.append("]}").toString();
  }

  private synchronized String export(long tenant, String from) {
    List<Long> log = changeLog.getOrDefault(tenant, List.of());
    int start = from == null || !from.startsWith("v") ? 0 : Integer.parseInt(from.substring(1));
    int end = Math.min(log.size(), start + exportBatchSize);
    TreeMap<Long, Sample> rows = data.getOrDefault(tenant, new TreeMap<>());
    StringBuilder sb = new StringBuilder("{\"hasMore\":").append(end < log.size())
        .append(",\"continueFrom\":\"v").append(end).append("\",\"data\":[");
    for (int i = start; i < end; i++) {
      sb.append(i > start ? "," : "").append(toJson(rows.get(log.get(i))));
    }
    return sb.append("]}").toString();
  }

  static String toJson(Sample s) {
    return "{\"id\":" + s.id + ",\"name\":\"" + s.name + "\",\"active\":" + s.active + "}";
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .body(body).build();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
