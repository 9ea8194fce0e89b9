package dev.titanj.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Types;
import dev.titanj.core.BadRequestException;
import dev.titanj.core.RawRequest;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanDecodingException;
import dev.titanj.core.testsupport.ApiServer;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The escape hatch: any path, with the client's token, app key, JSON and typed errors. */
class RawRequestTest {
  private final ApiServer server = new ApiServer();
  private final ServiceTitan st = server.client();

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void get_fillsTenantAndPlaceholders_sendsQuery_andDecodesTheAnswer() {
    server.answer("{\"id\":42,\"jobNumber\":\"J-42\"}");

    Map<String, Object> job = st.send(RawRequest.get("jpm/v2/tenant/{tenant}/jobs/{id}")
        .path("id", 42).query("expand", "a b").query("ids", 1).query("ids", 2), Map.class);

    RecordedRequest r = server.take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/jpm/v2/tenant/42/jobs/42");
    assertThat(r.getUrl().queryParameter("expand")).isEqualTo("a b");
    assertThat(r.getUrl().queryParameterValues("ids")).containsExactly("1", "2");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer t");
    assertThat(r.getHeaders().get("ST-App-Key")).isEqualTo("app-key");
    assertThat(job).containsEntry("jobNumber", "J-42");
  }

  @Test
  void post_sendsTheBodyAsJson_andAParameterizedTypeDecodes() {
    server.answer("[{\"id\":1},{\"id\":2}]");

    List<Map<String, Object>> out = st.send(
        RawRequest.post("jpm/v2/tenant/{tenant}/jobs/search", Map.of("name", "Acme")),
        Types.newParameterizedType(List.class, Map.class));

    RecordedRequest r = server.take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(ApiServer.body(r)).isEqualTo("{\"name\":\"Acme\"}");
    assertThat(out).hasSize(2);
  }

  @Test
  void placeholderValue_isEscapedAsOneSegment() {
    server.answer("{}");

    st.send(RawRequest.delete("crm/v2/tenant/{tenant}/tags/{name}").path("name", "../x y"),
        Void.class);

    assertThat(server.take().getUrl().encodedPath()).isEqualTo("/crm/v2/tenant/42/tags/..%2Fx%20y");
  }

  @Test
  void errorStatus_isTheTypedException() {
    server.answer(400, "{\"title\":\"Bad\",\"status\":400,\"errors\":{\"name\":[\"required\"]}}");

    assertThatThrownBy(() -> st.send(RawRequest.patch("crm/v2/tenant/{tenant}/x/1", Map.of()),
        Map.class))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(((BadRequestException) e).fieldErrors()).containsKey("name"));
  }

  @Test
  void anAnswerOfTheWrongShape_isADecodingException() {
    server.answer("[1,2]");

    assertThatThrownBy(() -> st.send(RawRequest.get("crm/v2/tenant/{tenant}/x"), Map.class))
        .isInstanceOf(TitanDecodingException.class);
  }

  @Test
  void emptyBody_isNull() {
    server.answer(204, null);

    Object out = st.send(RawRequest.delete("crm/v2/tenant/{tenant}/x/1"), Map.class);

    assertThat(out).isNull();
  }

  @Test
  void badPaths_failBeforeAnyRequest_namingTheProblem() {
    assertThatThrownBy(() -> RawRequest.get("https://evil.example/steal"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relative");
    assertThatThrownBy(() -> RawRequest.get("crm/v2/../../x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'..'");
    assertThatThrownBy(() -> RawRequest.get("crm/v2/x?secret=1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query string");
    assertThatThrownBy(() -> RawRequest.get(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path");
    assertThatThrownBy(() -> RawRequest.get("crm/v2/x").path("id", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{id}");
    assertThatThrownBy(() -> RawRequest.post("crm/v2/x", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
    assertThatThrownBy(() -> st.send(RawRequest.get("crm/v2/tenant/{tenant}/x/{id}"), Map.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{id}");
    assertThat(server.pending()).isZero();
  }

  @Test
  void toString_namesNoValues() {
    assertThat(RawRequest.get("crm/v2/x/{id}").path("id", 123456).query("email", "a@b.c")
        .toString()).doesNotContain("123456").doesNotContain("a@b.c").contains("email");
  }
}
