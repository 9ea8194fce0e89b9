package dev.titanj.testing;

import dev.titanj.core.Environment;
import dev.titanj.testing.internal.Interaction;
import dev.titanj.testing.internal.Json;
import dev.titanj.testing.internal.Scrubber;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A recording proxy on loopback: forwards each request to the upstream API (token requests to
 * its auth host), hands the answer back unchanged, and keeps a scrubbed copy. Token exchanges are
 * never kept: the first one is stored as a synthetic exchange instead.
 */
final class RecordingDispatcher extends Dispatcher {
  private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length",
      "transfer-encoding", "accept-encoding", "keep-alive", "proxy-authorization", "te",
      "trailer", "upgrade");

  private final Environment upstream;
  private final OkHttpClient http;
  private final Scrubber scrubber;
  private final MockWebServer server;
  private final List<Interaction> recorded = new ArrayList<>();
  private boolean tokenRecorded;

  RecordingDispatcher(Environment upstream, OkHttpClient http, Scrubber scrubber,
      MockWebServer server) {
    this.upstream = upstream;
    this.http = http;
    this.scrubber = scrubber;
    this.server = server;
  }

  synchronized List<Interaction> recorded() {
    return List.copyOf(recorded);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    try {
      server.takeRequest(0, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    HttpUrl url = request.getUrl();
    boolean token = url.encodedPath().equals("/connect/token");
    String base = (token ? upstream.authBase() : upstream.apiBase()).toString();
    String target = base + url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
    Request.Builder rb = new Request.Builder().url(target);
    for (String name : request.getHeaders().names()) {
      if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
        for (String v : request.getHeaders().values(name)) {
          rb.addHeader(name, v);
        }
      }
    }
    byte[] requestBytes = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    String contentType = request.getHeaders().get("Content-Type");
    RequestBody body = permitsBody(request.getMethod())
        ? RequestBody.create(requestBytes, contentType == null ? null : MediaType.parse(contentType))
        : null;
    rb.method(request.getMethod(), body);
    int status;
    Map<String, String> headers = new LinkedHashMap<>();
    String text;
    try (Response response = http.newCall(rb.build()).execute()) {
      status = response.code();
      for (String name : response.headers().names()) {
        headers.put(name, response.header(name));
      }
      text = response.body() == null ? "" : response.body().string();
    } catch (IOException e) {
      return new MockResponse.Builder().code(502).setHeader("Content-Type", "text/plain")
          .body("recording proxy could not reach " + HttpUrl.get(target).host() + ": "
              + e.getClass().getSimpleName()).build();
    }
    record(request, url, token, status, headers, text);
    MockResponse.Builder out = new MockResponse.Builder().code(status);
    headers.forEach((k, v) -> {
      String lower = k.toLowerCase(Locale.ROOT);
      if (!lower.equals("content-length") && !lower.equals("transfer-encoding")
          && !lower.equals("content-encoding") && !lower.equals("connection")) {
        out.addHeader(k, v);
      }
    });
    return out.body(text).build();
  }

  private static boolean permitsBody(String method) {
    return !method.equals("GET") && !method.equals("HEAD");
  }

  private synchronized void record(RecordedRequest request, HttpUrl url, boolean token, int status,
      Map<String, String> headers, String text) {
    if (token) {
      if (!tokenRecorded && status == 200) {
        tokenRecorded = true;
        recorded.add(new Interaction("POST", "/connect/token", Map.of(), null, true, 200,
            Map.of("Content-Type", "application/json; charset=utf-8"),
            ReplayDispatcher.SYNTHETIC_TOKEN, null));
      }
      return;
    }
    Object body = null;
    if (request.getBody() != null && request.getBody().size() > 0) {
      String requestText = request.getBody().utf8();
      Object parsed = Json.tryParse(requestText);
      body = scrubber.body(parsed != null ? parsed : requestText);
    }
    Map<String, String> kept = new LinkedHashMap<>();
    headers.forEach((k, v) -> {
      if (Scrubber.KEPT_RESPONSE_HEADERS.contains(k.toLowerCase(Locale.ROOT))) {
        kept.put(k, v);
      }
    });
    Object json = Json.tryParse(text);
    recorded.add(new Interaction(request.getMethod(), Scrubber.templatePath(url.encodedPath()),
        scrubber.query(FakeDispatcher.query(url)), body, false, status, kept,
        json == null ? null : scrubber.body(json), json == null && !text.isEmpty() ? text : null));
  }
}
