package dev.titanj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.cli.internal.FakeServerSandbox;
import dev.titanj.cli.internal.StopSignal;
import dev.titanj.core.ResourceCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real modules against a hostile server that echoes the request's headers into its error
 * bodies and headers: the CLI's error line, and with {@code --verbose} its stack trace and log,
 * never show the client secret, the app key or the access token.
 */
class HostileServerTest {
  static final String SECRET = "cli-secret-" + UUID.randomUUID();
  static final String APP_KEY = "cli-appkey-" + UUID.randomUUID();

  final MockWebServer server = new MockWebServer();
  final List<String> issued = new CopyOnWriteArrayList<>();
  volatile int status;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        if (r.getUrl().encodedPath().equals("/connect/token")) {
          String t = "tok" + UUID.randomUUID().toString().replace("-", "");
          issued.add(t);
          return json(200, "{\"access_token\":\"" + t + "\",\"expires_in\":900}").build();
        }
        Headers h = r.getHeaders();
        String auth = String.valueOf(h.get("Authorization"));
        String bare = auth.substring(auth.indexOf(' ') + 1);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < h.size(); i++) {
          all.append(h.name(i)).append(": ").append(h.value(i)).append("; ");
        }
        return json(status, "{\"title\":\"you sent " + all + "\",\"status\":" + status
            + ",\"traceId\":\"" + bare + "\",\"errors\":{\"" + bare + "\":[\"key "
            + h.get("ST-App-Key") + "\"]}}").setHeader("X-Echo", bare).build();
      }
    });
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse.Builder json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .body(body);
  }

  private Cli run(String... args) {
    String base = server.url("/").toString();
    Map<String, String> env = Map.of("ST_API_BASE_URL", base, "ST_AUTH_BASE_URL", base,
        "ST_CLIENT_ID", "cli-client", "ST_CLIENT_SECRET", SECRET, "ST_APP_KEY", APP_KEY,
        "ST_TENANT_ID", "42");
    return Cli.run(new CliContext(env, null, ResourceCatalog.installed(), FakeServerSandbox.factory(),
        new StopSignal(), false, false), args);
  }

  private void assertClean(String text) {
    assertThat(issued).as("tokens were issued").isNotEmpty();
    assertThat(text).doesNotContain(SECRET).doesNotContain(APP_KEY);
    for (String t : issued) {
      assertThat(text).as("an issued token").doesNotContain(t);
    }
  }

  @ParameterizedTest(name = "HTTP {0}")
  @CsvSource({"400,1", "401,3", "403,3", "500,1"})
  void errorLine_againstAServerEchoingHeaders_neverShowsTheTokenOrAppKey(int code, int exit) {
    status = code;
    Cli r = run("query", "crm", "customers");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(exit);
    assertThat(r.err).contains("failed: HTTP " + code).contains("you sent").contains("<redacted>");
    assertClean(r.out + r.err);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @CsvSource({"400", "401"})
  void verboseErrorOutput_againstAServerEchoingHeaders_neverShowsTheTokenOrAppKey(int code) {
    status = code;
    PrintStream original = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Cli r;
    try {
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      r = run("--verbose", "query", "crm", "customers");
    } finally {
      System.setErr(original);
    }

    assertThat(r.err).as(r.toString()).contains("failed: HTTP " + code)
        .contains("\tat dev.titanj.");
    assertThat(r.err.lines().filter(l -> l.contains("failed: HTTP")).count()).isEqualTo(1);
    assertClean(r.out + r.err + log.toString(StandardCharsets.UTF_8));
  }
}
