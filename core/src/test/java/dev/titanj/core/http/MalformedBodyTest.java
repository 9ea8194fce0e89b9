package dev.titanj.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.RawRequest;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanDecodingException;
import dev.titanj.core.query.Sample;
import dev.titanj.core.query.SampleRepository;
import dev.titanj.core.support.FakeServiceTitanServer;
import dev.titanj.core.support.ManualClock;
import dev.titanj.core.support.RecordingSleeper;
import dev.titanj.core.support.TestClients;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body a server sends that is not well-formed UTF-8 or not JSON ends the call with a
 * {@link TitanDecodingException} carrying the status and the request path, at once and without
 * retries; never a silently altered value, a raw Moshi or I/O exception, or a hang.
 */
class MalformedBodyTest {
  private static final long TENANT = FakeServiceTitanServer.TENANT;
  private static final String ONE = "/test/v2/tenant/" + TENANT + "/samples/1";

  @StartStop
  final MockWebServer server = new MockWebServer();

  final ManualClock clock = ManualClock.atEpochDay();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final List<RecordedRequest> api = Collections.synchronizedList(new ArrayList<>());
  volatile Function<RecordedRequest, MockResponse> handler;
  ServiceTitan st;
  SampleRepository samples;

  @BeforeEach
  void setUp() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/connect/token")) {
          return FakeServiceTitanServer.json(200, "{\"access_token\":\"t\",\"expires_in\":900}");
        }
        api.add(request);
        return handler.apply(request);
      }
    });
    st = TestClients.builder(server, clock, sleeper).cache(CacheSettings.disabled()).build();
    samples = new SampleRepository(st);
  }

  @AfterEach
  void tearDown() {
    st.close();
  }

  /** {@code prefix}, the raw bytes, then {@code suffix}, as a 200 JSON answer. */
  private static MockResponse bytes(int code, String prefix, byte[] raw, String suffix) {
    Buffer body = new Buffer().writeUtf8(prefix).write(raw).writeUtf8(suffix);
    return new MockResponse.Builder().code(code).addHeader("Content-Type",
        "application/json; charset=utf-8").body(body).build();
  }

  private static byte[] hex(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  private void assertDecodingFailure(ThrowingCallable call, String path) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(TitanDecodingException.class, e -> {
          assertThat(e.status()).hasValue(200);
          assertThat(e.requestPath()).hasValueSatisfying(p -> assertThat(p).startsWith(path));
          assertThat(e.getMessage()).contains("HTTP 200").contains(path)
              .doesNotContain(FakeServiceTitanServer.CLIENT_SECRET)
              .doesNotContain(FakeServiceTitanServer.APP_KEY);
        });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ff", "c3", "c328", "c0af", "e08080", "eda080", "f4908080", "f8888080",
      "80"})
  void findById_whenAStringHoldsInvalidUtf8_failsWithTitanDecodingExceptionNotAReplacedValue(
      String badBytes) {
    handler = r -> bytes(200, "{\"id\":1,\"name\":\"a", hex(badBytes), "b\"}");

    assertDecodingFailure(() -> samples.findById(1), "GET " + ONE);
    assertThatThrownBy(() -> samples.findById(1)).hasMessageContaining("not valid UTF-8");
    assertThat(api).hasSize(2); // one request per call: a malformed body is not retried
  }

  @Test
  void findById_withWellFormedMultiByteText_readsItExactly() {
    String name = "Caf\u00e9 \u20ac \ud83d\ude80";
    handler = r -> bytes(200, "{\"id\":1,\"name\":\"", name.getBytes(StandardCharsets.UTF_8),
        "\"}");

    assertThat(samples.findById(1)).map(s -> s.name).contains(name);
  }

  @Test
  void stream_whenAPageHoldsInvalidUtf8_failsWithTitanDecodingExceptionForThatPage() {
    handler = r -> "2".equals(r.getUrl().queryParameter("page"))
        ? bytes(200, "{\"page\":2,\"pageSize\":1,\"hasMore\":true,\"data\":[{\"id\":2,\"name\":\"",
            hex("fe"), "\"}]}")
        : FakeServiceTitanServer.json(200,
            "{\"page\":1,\"pageSize\":1,\"hasMore\":true,\"data\":[{\"id\":1,\"name\":\"a\"}]}");

    assertDecodingFailure(() -> samples.query().pageSize(1).prefetch(false).toList(),
        "GET /test/v2/tenant/" + TENANT + "/samples");
    assertThat(api).extracting(r -> r.getUrl().queryParameter("page")).containsExactly("1", "2");
  }

  @Test
  void exportBatch_withInvalidUtf8_failsWithTitanDecodingException() {
    handler = r -> bytes(200, "{\"hasMore\":false,\"continueFrom\":\"c1\",\"data\":[{\"id\":1,"
        + "\"name\":\"", hex("c0"), "\"}]}");

    assertDecodingFailure(() -> samples.export(ExportCursor.beginning()).nextBatch(),
        "GET /test/v2/tenant/" + TENANT + "/export/samples");
  }

  @Test
  void rawRequest_withInvalidUtf8_failsWithTitanDecodingException() {
    handler = r -> bytes(200, "{\"id\":1,\"name\":\"", hex("ed"), "\"}");

    assertDecodingFailure(() -> st.send(RawRequest.get("test/v2/tenant/{tenant}/samples/1"),
        java.util.Map.class), "GET " + ONE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{\"id\":1,\"name\":", "<html><body>Bad gateway</body></html>",
      "{\"id\":1 \"name\":\"a\"}", "{\"id\":\"one\"}"})
  void findById_withABodyThatIsNotTheJsonExpected_failsWithTitanDecodingExceptionWithStatus(
      String body) {
    handler = r -> FakeServiceTitanServer.json(200, body);

    assertDecodingFailure(() -> samples.findById(1), "GET " + ONE);
    assertThat(api).hasSize(1);
  }
}
