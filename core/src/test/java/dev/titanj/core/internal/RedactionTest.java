package dev.titanj.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.TitanApiException;
import dev.titanj.core.TitanDecodingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.SocketTimeoutException;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class RedactionTest {
  final Redaction redaction = new Redaction("known-secret-1", "known-app-key");

  @Test
  void scrub_replacesKnownSecretsAndTheirEncodedForms() {
    Redaction r = new Redaction("a/b+c=d");
    assertThat(r.scrub("raw a/b+c=d form a%2Fb%2Bc%3Dd json a\\/b+c=d"))
        .isEqualTo("raw <redacted> form <redacted> json <redacted>");
  }

  @Test
  void scrub_removesCredentialShapes_evenForValuesItDoesNotKnow() {
    assertThat(redaction.scrub("Authorization: Bearer abcdefghijkl123"))
        .isEqualTo("Authorization: <redacted>");
    assertThat(redaction.scrub("{\"Authorization\":[\"Bearer abc.def\"],\"ST-App-Key\":\"xyz\"}"))
        .isEqualTo("{\"Authorization\":[\"<redacted>\"],\"ST-App-Key\":\"<redacted>\"}");
    assertThat(redaction.scrub("grant_type=client_credentials&client_id=me&client_secret=s%2B1"))
        .isEqualTo("grant_type=client_credentials&client_id=me&client_secret=<redacted>");
    assertThat(redaction.scrub("{\"access_token\": \"opaque\", \"expires_in\": 900}"))
        .isEqualTo("{\"access_token\": \"<redacted>\", \"expires_in\": 900}");
    assertThat(redaction.scrub("sent bearer 0123456789abcdef to you"))
        .isEqualTo("sent bearer <redacted> to you");
    assertThat(redaction.scrub("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_part-1 end"))
        .isEqualTo("jwt <redacted> end");
  }

  @Test
  void scrub_leavesOrdinaryTextAndItsOwnOutputAlone() {
    String ordinary = "HTTP 400: Name is required (POST /crm/v2/tenant/1/customers) - check "
        + "ST_CLIENT_ID, ST_CLIENT_SECRET, ST_APP_KEY and the token endpoint";
    assertThat(redaction.scrub(ordinary)).isEqualTo(ordinary);
    assertThat(redaction.scrub("Authorization: Bearer <redacted>, ST-App-Key: <redacted>"))
        .isEqualTo("Authorization: Bearer <redacted>, ST-App-Key: <redacted>");
  }

  @Test
  void describeHeaders_redactsEchoesOfKnownSecretsAndCredentialLookingValues() {
    Headers h = new Headers.Builder().add("Content-Type", "application/json")
        .add("X-Echo", "you sent known-secret-1").add("X-Other", "Bearer sometokenvalue1")
        .add("X-Client-Secret", "short").add("Authorization", "Bearer tokentoken").build();
    assertThat(redaction.describe(h)).isEqualTo("Content-Type: application/json, "
        + "X-Echo: <redacted>, X-Other: <redacted>, X-Client-Secret: <redacted>, "
        + "Authorization: Bearer <redacted>");
  }

  @Test
  void scrubThrowable_keepsAnExceptionWithoutSecrets_andCopiesOneWithThem() {
    SocketTimeoutException clean = new SocketTimeoutException("timeout");
    assertThat(redaction.scrub(clean)).isSameAs(clean);

    IOException dirty = new IOException("outer", new IOException("inner known-app-key"));
    Throwable scrubbed = redaction.scrub(dirty);
    StringWriter w = new StringWriter();
    scrubbed.printStackTrace(new PrintWriter(w));
    assertThat(w.toString()).doesNotContain("known-app-key").contains("java.io.IOException")
        .contains("inner <redacted>").contains("RedactionTest");
  }

  @Test
  void decodingError_quotingAToken_isScrubbed() {
    redaction.remember("issued-token-value");
    TitanDecodingException e = Errors.decoding(new com.squareup.moshi.JsonDataException(
        "Expected a long but was issued-token-value at path $.id"), "GET /x", redaction);
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    assertThat(e.getMessage()).contains("<redacted>").contains("$.id");
    assertThat(w.toString()).doesNotContain("issued-token-value");
  }

  @Test
  void errorBody_withInvalidUtf8_isReadWithReplacementCharacters() {
    byte[] body = "{\"title\":\"bad \u00ff byte\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Response raw = new Response.Builder().request(new Request.Builder().url("http://localhost/x").build())
        .protocol(Protocol.HTTP_1_1).code(400).message("Bad Request")
        .body(ResponseBody.create(body, MediaType.get("application/json"))).build();
    TitanApiException e = Errors.fromResponse(raw, raw.body(), java.time.Instant.EPOCH, redaction);
    assertThat(e.title()).hasValue("bad \uFFFD byte");
    assertThat(e.status()).isEqualTo(400);
  }
}
