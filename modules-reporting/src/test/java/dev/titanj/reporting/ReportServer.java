package dev.titanj.reporting;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.Environment;
import dev.titanj.core.RateLimit;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback Reporting API for the runner's tests: one category, two reports whose description
 * has typed parameters and fields, data in pages, 409 answers on demand; every request recorded
 * with the time of the test clock at its arrival. Clients run on a manual clock and a sleeper
 * that records each wait and advances the clock by it (no real sleeping).
 */
final class ReportServer implements AutoCloseable {
  static final String SECRET = "s3cr3t-Client-Secret-123";
  static final String APP_KEY = "ak-Very-Secret-App-Key-456";

  /** A clock tests move by hand. */
  static final class ManualClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-06-02T08:00:00Z"));

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }
  }

  /** A recorded request and the test clock's time when it arrived. */
  record Arrival(String method, String path, String query, String body, Instant at) {}

  final ManualClock clock = new ManualClock();
  final List<Duration> waits = new CopyOnWriteArrayList<>();
  /** Sleeps advance the clock (single-threaded tests); off for concurrent ones. */
  volatile boolean sleepsAdvanceClock = true;
  final Sleeper sleeper = d -> {
    waits.add(d);
    if (sleepsAdvanceClock) {
      clock.advance(d);
    }
  };
  final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
  final AtomicInteger conflictsLeft = new AtomicInteger();
  /** Rows of report 101's data, served in pages. */
  volatile List<String> rows = List.of(
      "[1001,\"Acme Heating\",1234.5,true,\"2025-05-30T00:00:00\",\"2025-05-30T14:15:00Z\"]",
      "[1002,\"Bob's Plumbing\",0,false,\"2025-05-31\",null]");
  private final MockWebServer server = new MockWebServer();
  private final List<ServiceTitan> clients = new ArrayList<>();
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();

  static final String DESCRIPTION_101 = "{\"id\":101,\"name\":\"Revenue by customer\","
      + "\"modifiedOn\":\"2025-01-01T00:00:00Z\",\"parameters\":["
      + "{\"name\":\"From\",\"label\":\"From\",\"dataType\":\"Date\",\"isArray\":false,\"isRequired\":true},"
      + "{\"name\":\"To\",\"label\":\"To\",\"dataType\":\"Date\",\"isArray\":false,\"isRequired\":true},"
      + "{\"name\":\"BusinessUnitIds\",\"label\":\"Business units\",\"dataType\":\"Number\",\"isArray\":true,"
      + "\"isRequired\":false,\"acceptValues\":{\"fields\":[{\"name\":\"Value\",\"label\":\"Value\"},"
      + "{\"name\":\"Name\",\"label\":\"Name\"}],\"dynamicSetId\":\"business-units\","
      + "\"values\":[[1,\"North\"],[2,\"South\"]]}},"
      + "{\"name\":\"DateType\",\"label\":\"Date type\",\"dataType\":\"String\",\"isArray\":false,"
      + "\"isRequired\":false,\"acceptValues\":{\"fields\":[],\"values\":[[\"Completed\",\"Completed\"],"
      + "[\"Created\",\"Created\"]]}},"
      + "{\"name\":\"IncludeInactive\",\"label\":\"Include inactive\",\"dataType\":\"Boolean\","
      + "\"isArray\":false,\"isRequired\":false}],"
      + "\"fields\":["
      + "{\"name\":\"CustomerId\",\"label\":\"Customer ID\",\"dataType\":\"Number\"},"
      + "{\"name\":\"CustomerName\",\"label\":\"Customer\",\"dataType\":\"String\"},"
      + "{\"name\":\"Revenue\",\"label\":\"Revenue\",\"dataType\":\"Number\"},"
      + "{\"name\":\"Member\",\"label\":\"Member\",\"dataType\":\"Boolean\"},"
      + "{\"name\":\"CompletedOn\",\"label\":\"Completed on\",\"dataType\":\"Date\"},"
      + "{\"name\":\"LastVisit\",\"label\":\"Last visit\",\"dataType\":\"Time\"}]}";

  ReportServer() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        if (path.equals("/connect/token")) {
          return json(200, "{\"access_token\":\"tok-xyz\",\"expires_in\":900}");
        }
        arrivals.add(new Arrival(r.getMethod(), path, r.getUrl().encodedQuery(),
            r.getBody() == null ? "" : r.getBody().utf8(), clock.instant()));
        return answer(r, path);
      }
    });
    try {
      server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private MockResponse answer(RecordedRequest r, String path) {
    String base = "/reporting/v2/tenant/42/";
    String rel = path.startsWith(base) ? path.substring(base.length()) : path;
    if (rel.endsWith("/data") && conflictsLeft.getAndDecrement() > 0) {
      return json(409, "{\"title\":\"Report is suspended for maintenance (client " + SECRET
          + ", key " + APP_KEY + ")\",\"status\":409,\"traceId\":\"tr-1\"}");
    }
    switch (rel) {
      case "report-categories":
        return json(200, "{\"page\":1,\"pageSize\":5000,\"hasMore\":false,\"data\":["
            + "{\"id\":\"operations\",\"name\":\"Operations\"}]}");
      case "report-category/operations/reports":
        return json(200, "{\"page\":1,\"pageSize\":5000,\"hasMore\":false,\"data\":["
            + "{\"id\":101,\"name\":\"Revenue by customer\"},{\"id\":102,\"name\":\"Jobs\"}]}");
      case "report-category/operations/reports/101":
        return json(200, DESCRIPTION_101);
      case "report-category/operations/reports/102":
        return json(200, "{\"id\":102,\"name\":\"Jobs\",\"parameters\":[],\"fields\":["
            + "{\"name\":\"JobId\",\"label\":\"Job\",\"dataType\":\"Number\"}]}");
      default:
        break;
    }
    if (rel.startsWith("report-category/operations/reports/") && rel.endsWith("/data")) {
      int page = Integer.parseInt(r.getUrl().queryParameter("page"));
      int size = Integer.parseInt(r.getUrl().queryParameter("pageSize"));
      boolean is102 = rel.contains("/102/");
      List<String> all = is102 ? List.of("[7]") : rows;
      int from = Math.min(all.size(), (page - 1) * size);
      int to = Math.min(all.size(), from + size);
      String fields = is102 ? "[{\"name\":\"JobId\",\"label\":\"Job\"}]"
          : "[{\"name\":\"CustomerId\",\"label\":\"Customer ID\"},{\"name\":\"CustomerName\",\"label\":\"Customer\"},"
              + "{\"name\":\"Revenue\",\"label\":\"Revenue\"},{\"name\":\"Member\",\"label\":\"Member\"},"
              + "{\"name\":\"CompletedOn\",\"label\":\"Completed on\"},{\"name\":\"LastVisit\",\"label\":\"Last visit\"}]";
      return json(200, "{\"page\":" + page + ",\"pageSize\":" + size + ",\"hasMore\":"
          + (to < all.size()) + ",\"totalCount\":" + all.size() + ",\"data\":["
          + String.join(",", all.subList(from, to)) + "],\"fields\":" + fields + "}");
    }
    return json(404, "{\"title\":\"no such path\",\"status\":404}");
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .body(body).build();
  }

  ServiceTitan client() {
    return client(RateLimit.unlimited());
  }

  ServiceTitan client(RateLimit rateLimit) {
    String base = server.url("/").toString();
    ServiceTitan st = ServiceTitan.builder()
        .environment(Environment.custom(base, base))
        .clientCredentials("client-id", SECRET)
        .appKey(APP_KEY)
        .tenant(42L)
        .retryPolicy(RetryPolicy.none())
        .rateLimit(rateLimit)
        .cache(CacheSettings.defaults())
        .clock(clock)
        .sleeper(sleeper)
        .build();
    clients.add(st);
    return st;
  }

  /** The data requests received, in arrival order. */
  List<Arrival> dataRequests() {
    return arrivals.stream().filter(a -> a.path().endsWith("/data")).toList();
  }

  @Override
  public void close() {
    clients.forEach(ServiceTitan::close);
    server.close();
  }
}
