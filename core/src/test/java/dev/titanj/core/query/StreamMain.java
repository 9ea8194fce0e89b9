package dev.titanj.core.query;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.Environment;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Run in a child JVM by {@link BoundedMemoryStreamTest}: serves {@code total} generated records
 * (about 0.5 KB each) from a loopback MockWebServer and streams them through the sample
 * repository, printing {@code count=N} when every id arrived once and in order. With
 * {@code collect} it holds every record in a list instead, which must not fit the heap.
 */
public final class StreamMain {
  private static final String NOTES = "x".repeat(400);

  public static void main(String[] args) throws Exception {
    int total = Integer.parseInt(args[0]);
    boolean collect = args.length > 1 && args[1].equals("collect");
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          HttpUrl url = request.getUrl();
          if (url.encodedPath().equals("/connect/token")) {
            return new MockResponse.Builder().code(200)
                .body("{\"access_token\":\"t\",\"expires_in\":900}").build();
          }
          return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
              .body(page(total, Integer.parseInt(url.queryParameter("page")),
                  Integer.parseInt(url.queryParameter("pageSize")))).build();
        }
      });
      server.start();
      String base = server.url("/").toString();
      try (ServiceTitan st = ServiceTitan.builder()
          .environment(Environment.custom(base, base))
          .clientCredentials("id", "secret").appKey("app").tenant(1)
          .retryPolicy(RetryPolicy.none()).cache(CacheSettings.disabled()).build()) {
        SampleQuery query = new SampleRepository(st).query().pageSize(5000);
        long count = 0;
        if (collect) {
          List<Sample> all = query.toList();
          count = all.size();
        } else {
          try (Stream<Sample> s = query.stream()) {
            Iterator<Sample> it = s.iterator();
            while (it.hasNext()) {
              Sample next = it.next();
              if (next.id != count + 1 || next.notes.length() != NOTES.length()) {
                System.out.println("out of order at " + count + ": " + next.id);
                System.exit(2);
              }
              count++;
            }
          }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.println("count=" + count + " maxHeapMB=" + rt.maxMemory() / (1024 * 1024));
      }
    }
  }

  private static String page(int total, int page, int size) {
    long first = (long) (page - 1) * size + 1;
    long last = Math.min(total, first + size - 1);
    StringBuilder sb = new StringBuilder(size * 460 + 100);
    sb.append("{\"page\":").append(page).append(",\"pageSize\":").append(size)
        .append(",\"hasMore\":").append(last < total).append(",\"data\":[");
    for (long id = first; id <= last; id++) {
      sb.append(id > first ? "," : "").append("{\"id\":").append(id)
          .append(",\"name\":\"record ").append(id).append("\",\"active\":true,\"notes\":\"")
          .append(NOTES).append("\"}");
    }
    return sb.append("]}").toString();
  }
}
