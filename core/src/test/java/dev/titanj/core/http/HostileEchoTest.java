package dev.titanj.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.titanj.core.AuthenticationException;
import dev.titanj.core.Environment;
import dev.titanj.core.RateLimit;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServerException;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanApiException;
import dev.titanj.core.TitanIOException;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.core.support.FakeApi;
import dev.titanj.core.support.LogCapture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.Headers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A hostile server that echoes what it receives, headers and posted form, into error bodies,
 * response headers and status lines. Whatever it echoes, no exception message, toString(), stack
 * trace (causes included) or log line carries the client secret, the app key or a token the
 * client was issued.
 */
class HostileEchoTest {
  static final String CLIENT_ID = "echo-client";
  static final String SECRET = "Zq8-client-secret-" + UUID.randomUUID().toString().substring(0, 8);
  static final String APP_KEY = "ak" + UUID.randomUUID().toString().replace("-", "");
  static final long TENANT = 777L;

  @StartStop
  final MockWebServer server = new MockWebServer();

  /** Tokens the token endpoint issued: plain random strings, no JWT or Bearer shape to spot. */
  final List<String> issued = new CopyOnWriteArrayList<>();
  final AtomicInteger apiRequests = new AtomicInteger();

  private void serve(Function<RecordedRequest, MockResponse> token,
      Function<RecordedRequest, MockResponse> api) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        if (r.getUrl().encodedPath().equals("/connect/token")) {
          return token.apply(r);
        }
        apiRequests.incrementAndGet();
        return api.apply(r);
      }
    });
  }

  private MockResponse issue(RecordedRequest r) {
    String t = "tk" + UUID.randomUUID().toString().replace("-", "");
    issued.add(t);
    return json(200, "{\"access_token\":\"" + t + "\",\"expires_in\":900}");
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .body(body).build();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  /** Every header as {@code Name: value; …}, nothing hidden (OkHttp's toString() hides some). */
  private static String dump(Headers h) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < h.size(); i++) {
      sb.append(h.name(i)).append(": ").append(h.value(i)).append("; ");
    }
    return sb.toString();
  }

  /** Echoes every request header in every field of a problem-details body and in headers. */
  private static MockResponse echoHeaders(int code, RecordedRequest r) {
    Headers h = r.getHeaders();
    String auth = h.get("Authorization");
    String bare = auth == null ? "none" : auth.substring(auth.indexOf(' ') + 1);
    String appKey = h.get("ST-App-Key");
    String all = dump(h);
    String body = "{\"type\":" + quote("urn:echo:" + bare) + ",\"title\":" + quote("you sent " + all)
        + ",\"status\":" + code + ",\"traceId\":" + quote(bare)
        + ",\"errors\":{" + quote(bare) + ":[" + quote("app key " + appKey) + ","
        + quote("token " + bare + " and key " + appKey) + "]," + quote("headers") + ":"
        + quote(all) + "}}";
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .setHeader("X-Echo-Token", bare).setHeader("X-Seen", "key=" + appKey)
        .setHeader("X-Echo-Auth", auth == null ? "none" : auth).body(body).build();
  }

  private ServiceTitan.Builder client() {
    String base = server.url("/").toString();
    return ServiceTitan.builder().environment(Environment.custom(base, base))
        .clientCredentials(CLIENT_ID, SECRET).appKey(APP_KEY).tenant(TENANT)
        .retryPolicy(RetryPolicy.none()).rateLimit(RateLimit.unlimited()).sleeper(d -> { });
  }

  private static String everything(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return t.getMessage() + "\n" + t + "\n" + w;
  }

  private void assertClean(String text) {
    assertThat(issued).as("tokens were issued").isNotEmpty();
    assertThat(text).doesNotContain(SECRET).doesNotContain(APP_KEY);
    for (String token : issued) {
      assertThat(text).as("an issued token").doesNotContain(token);
    }
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 401, 403, 404, 409, 500})
  void apiError_whoseBodyAndHeadersEchoTheRequestHeaders_neverCarriesTheTokenOrAppKey(int status) {
    serve(this::issue, r -> echoHeaders(status, r));
    Throwable thrown;
    String log;
    try (LogCapture capture = LogCapture.start(); ServiceTitan st = client().build()) {
      TitanContext ctx = TitanContext.of(st);
      thrown = catchThrowable(() -> ctx.execute(ctx.api(FakeApi.class).customer(TENANT, 1)));
      log = capture.text();
    }

    assertThat(thrown).isInstanceOf(TitanApiException.class);
    TitanApiException e = (TitanApiException) thrown;
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.getMessage()).contains("HTTP " + status).contains("<redacted>");
    assertThat(e.title()).hasValueSatisfying(t -> assertThat(t).contains("you sent"));
    assertClean(everything(e) + e.title() + e.type() + e.traceId() + e.fieldErrors());
    // 401 refreshes once: two tokens, both echoed, neither shown.
    assertThat(issued).hasSize(status == 401 ? 2 : 1);
    assertThat(log).contains("<-- headers").contains("X-Echo-Token: <redacted>")
        .contains("X-Seen: <redacted>").contains("X-Echo-Auth: <redacted>");
    assertClean(log);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 401, 500, 503})
  void tokenError_whoseBodyEchoesThePostedForm_neverCarriesTheClientSecret(int status) {
    serve(r -> {
      String form = r.getBody() == null ? "" : r.getBody().utf8();
      String decoded = java.net.URLDecoder.decode(form, java.nio.charset.StandardCharsets.UTF_8);
      return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
          .setHeader("X-Echo-Form", form)
          .body("{\"error\":" + quote("invalid_client: you posted " + form)
              + ",\"error_description\":" + quote(decoded)
              + ",\"title\":" + quote("bad secret " + SECRET + " in " + decoded)
              + ",\"traceId\":" + quote(SECRET) + ",\"errors\":{" + quote(SECRET) + ":["
              + quote("{\"client_secret\":\"" + SECRET + "\"}") + "]}}").build();
    }, r -> json(200, "{}"));
    Throwable thrown;
    String log;
    try (LogCapture capture = LogCapture.start(); ServiceTitan st = client().build()) {
      TitanContext ctx = TitanContext.of(st);
      thrown = catchThrowable(() -> ctx.execute(ctx.api(FakeApi.class).customer(TENANT, 1)));
      log = capture.text();
    }

    assertThat(thrown).isInstanceOf(status >= 500 ? ServerException.class
        : AuthenticationException.class);
    assertThat(apiRequests).hasValue(0);
    String text = everything(thrown) + log;
    assertThat(text).doesNotContain(SECRET).doesNotContain(APP_KEY)
        .doesNotContain(java.net.URLEncoder.encode(SECRET, java.nio.charset.StandardCharsets.UTF_8));
    if (status >= 500) {
      assertThat(thrown.getMessage()).contains("HTTP " + status).contains("POST /connect/token")
          .contains("<redacted>");
    } else {
      assertThat(thrown.getMessage()).contains("invalid_client");
    }
  }

  @Test
  void traceLog_ofAResponseEchoingCredentialHeaders_redactsThem() {
    serve(this::issue, r -> new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "application/json")
        .setHeader("Authorization", r.getHeaders().get("Authorization"))
        .setHeader("ST-App-Key", r.getHeaders().get("ST-App-Key"))
        .setHeader("X-Request-Echo", dump(r.getHeaders()))
        .setHeader("X-Unknown-Credential", "Bearer someoneelsestoken123")
        .setHeader("X-Form", "client_secret=notours-value&x=1")
        .body("{\"id\":1}").build());
    String log;
    try (LogCapture capture = LogCapture.start(); ServiceTitan st = client().build()) {
      TitanContext ctx = TitanContext.of(st);
      ctx.execute(ctx.api(FakeApi.class).customer(TENANT, 1));
      log = capture.text();
    }

    assertThat(log).contains("X-Request-Echo: <redacted>").contains("X-Form: <redacted>")
        .contains("X-Unknown-Credential: <redacted>")
        .doesNotContain("someoneelsestoken123").doesNotContain("notours-value");
    assertClean(log);
  }

  @Test
  void transportFailure_whoseStatusLineEchoesTheToken_neverCarriesIt() {
    serve(this::issue, r -> new MockResponse.Builder()
        .status("HTTP/1.1 2x0 " + r.getHeaders().get("Authorization") + " "
            + r.getHeaders().get("ST-App-Key"))
        .build());
    Throwable thrown;
    String log;
    try (LogCapture capture = LogCapture.start(); ServiceTitan st = client().build()) {
      TitanContext ctx = TitanContext.of(st);
      thrown = catchThrowable(() -> ctx.execute(ctx.api(FakeApi.class).customer(TENANT, 1)));
      log = capture.text();
    }

    assertThat(thrown).isInstanceOf(TitanIOException.class);
    assertThat(everything(thrown)).contains("ProtocolException").contains("<redacted>");
    assertClean(everything(thrown) + log);
  }

  @Test
  void writeFailure_afterOptedInReplays_saysHowManyTimesItWasSent() {
    serve(this::issue, r -> new MockResponse.Builder()
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    Throwable thrown;
    try (ServiceTitan st = client().retryPolicy(RetryPolicy.builder().retryNonIdempotent(true)
        .build()).build()) {
      TitanContext ctx = TitanContext.of(st);
      thrown = catchThrowable(() -> ctx.execute(ctx.api(FakeApi.class).create(TENANT,
          Map.of("name", "x"))));
    }

    assertThat(apiRequests).hasValue(4);
    assertThat(thrown).isInstanceOf(TitanIOException.class);
    assertThat(((TitanIOException) thrown).mayHaveBeenApplied()).isTrue();
    assertThat(thrown.getMessage())
        .contains("(sent 4 times; the write may or may not have been applied)")
        .doesNotContain("not replayed");
  }

  @Test
  void writeFailure_withoutReplays_saysItWasNotReplayed() {
    serve(this::issue, r -> new MockResponse.Builder()
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    Throwable thrown;
    try (ServiceTitan st = client().retryPolicy(RetryPolicy.defaults()).build()) {
      TitanContext ctx = TitanContext.of(st);
      thrown = catchThrowable(() -> ctx.execute(ctx.api(FakeApi.class).create(TENANT,
          Map.of("name", "x"))));
    }

    assertThat(apiRequests).hasValue(1);
    assertThat(thrown.getMessage()).contains(
        "(the write may or may not have been applied; it was not replayed automatically)");
  }

  @Test
  void baseUrl_withUserInfo_isRefusedWithoutShowingIt() {
    Throwable thrown = catchThrowable(() -> Environment.custom(
        "https://user:pw-" + SECRET + "@api.example.com", "https://auth.example.com"));
    assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiBase")
        .hasMessageContaining("user info");
    assertThat(everything(thrown)).doesNotContain(SECRET);
    Throwable auth = catchThrowable(() -> Environment.custom(
        java.net.URI.create("https://api.example.com"),
        java.net.URI.create("https://" + SECRET + "@auth.example.com")));
    assertThat(auth).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authBase");
    assertThat(everything(auth)).doesNotContain(SECRET);
  }
}
