package dev.titanj.testing;

import dev.titanj.testing.internal.FixtureFile;
import dev.titanj.testing.internal.Interaction;
import dev.titanj.testing.internal.Json;
import dev.titanj.testing.internal.Scrubber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Serves the interactions of a fixture file. Each request is normalised like a recording
 * (tenant templated, masks applied) and answered by the first unused matching interaction, or
 * the last matching one when all were used. The token endpoint always gets a synthetic token. A
 * request without a match gets a 501 naming the closest recording, and is remembered so the test
 * fails even if the code under test swallowed the error.
 */
final class ReplayDispatcher extends Dispatcher {
  static final Map<String, Object> SYNTHETIC_TOKEN = syntheticToken();

  private static Map<String, Object> syntheticToken() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("access_token", FixtureScanner.SYNTHETIC_TOKEN);
    m.put("expires_in", 3600L);
    m.put("token_type", "Bearer");
    return java.util.Collections.unmodifiableMap(m);
  }

  private final List<Interaction> interactions;
  private final boolean[] used;
  private final Scrubber scrubber;
  private final MockWebServer server;
  private final List<String> misses = new ArrayList<>();

  ReplayDispatcher(FixtureFile file, Scrubber scrubber, MockWebServer server) {
    this.interactions = new ArrayList<>();
    for (Interaction i : file.interactions) {
      if (!i.synthetic) {
        interactions.add(i);
      }
    }
    this.used = new boolean[interactions.size()];
    this.scrubber = scrubber;
    this.server = server;
  }

  synchronized List<String> misses() {
    return List.copyOf(misses);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    try {
      server.takeRequest(0, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    HttpUrl url = request.getUrl();
    if (url.encodedPath().equals("/connect/token")) {
      return json(200, Json.write(SYNTHETIC_TOKEN));
    }
    String method = request.getMethod();
    String path = Scrubber.templatePath(url.encodedPath());
    Map<String, List<String>> query = scrubber.query(FakeDispatcher.query(url));
    Object body = null;
    if (request.getBody() != null && request.getBody().size() > 0) {
      String text = request.getBody().utf8();
      Object parsed = Json.tryParse(text);
      body = scrubber.body(parsed != null ? parsed : text);
    }
    synchronized (this) {
      int pick = pick(method, path, query, body);
      if (pick < 0 && query.containsKey("includeTotal")) {
        // A stream asks for the total to page concurrently; a recording made without it answers
        // the same page (with no total, so the stream pages one at a time).
        Map<String, List<String>> withoutTotal = new LinkedHashMap<>(query);
        withoutTotal.remove("includeTotal");
        pick = pick(method, path, withoutTotal, body);
      }
      if (pick >= 0) {
        used[pick] = true;
        return respond(interactions.get(pick));
      }
      String message = missMessage(method, path, query, body);
      misses.add(message);
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", "https://titanj.dev/problems/no-recording");
      problem.put("title", message);
      problem.put("status", 501);
      problem.put("traceId", "titanj-replay");
      return json(501, Json.write(problem));
    }
  }

  /** The first unused recording that matches, else the last one that matches; -1 if none. */
  private int pick(String method, String path, Map<String, List<String>> query, Object body) {
    int firstUnused = -1;
    int lastMatch = -1;
    for (int i = 0; i < interactions.size(); i++) {
      if (interactions.get(i).matches(method, path, query, body)) {
        lastMatch = i;
        if (!used[i] && firstUnused < 0) {
          firstUnused = i;
        }
      }
    }
    return firstUnused >= 0 ? firstUnused : lastMatch;
  }

  private String missMessage(String method, String path, Map<String, List<String>> query,
      Object body) {
    StringBuilder sb = new StringBuilder("No recorded exchange matches ")
        .append(Interaction.describe(method, path, query, body));
    Interaction closest = null;
    int best = Integer.MAX_VALUE;
    for (Interaction i : interactions) {
      int d = i.distance(method, path, query, body);
      if (d < best) {
        best = d;
        closest = i;
      }
    }
    sb.append(closest == null ? "; the fixture holds no recordings"
        : "; closest recorded: " + closest.describeRequest());
    return sb.toString();
  }

  private static MockResponse respond(Interaction i) {
    MockResponse.Builder b = new MockResponse.Builder().code(i.status);
    i.responseHeaders.forEach(b::setHeader);
    if (i.responseBody != null) {
      b.body(Json.write(i.responseBody));
      if (!i.responseHeaders.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("content-type"))) {
        b.setHeader("Content-Type", "application/json; charset=utf-8");
      }
    } else if (i.responseText != null) {
      b.body(i.responseText);
    }
    return b.build();
  }

  private static MockResponse json(int status, String text) {
    return new MockResponse.Builder().code(status)
        .setHeader("Content-Type", "application/json; charset=utf-8").body(text).build();
  }
}
