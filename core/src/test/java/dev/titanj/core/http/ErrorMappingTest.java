package dev.titanj.core.http;

import static dev.titanj.core.support.FakeServiceTitanServer.TENANT;
import static dev.titanj.core.support.FakeServiceTitanServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.BadRequestException;
import dev.titanj.core.ConflictException;
import dev.titanj.core.ForbiddenException;
import dev.titanj.core.NotFoundException;
import dev.titanj.core.ServerException;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanApiException;
import dev.titanj.core.TitanDecodingException;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.core.support.FakeApi;
import dev.titanj.core.support.FakeServiceTitanServer;
import dev.titanj.core.support.ManualClock;
import dev.titanj.core.support.RecordingSleeper;
import dev.titanj.core.support.TestClients;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeServiceTitanServer fake = new FakeServiceTitanServer();
  ServiceTitan st;
  TitanContext ctx;
  FakeApi api;

  @BeforeEach
  void setUp() {
    server.setDispatcher(fake);
    ManualClock clock = ManualClock.atEpochDay();
    st = TestClients.builder(server, clock, new RecordingSleeper(clock)).build();
    ctx = TitanContext.of(st);
    api = ctx.api(FakeApi.class);
  }

  @AfterEach
  void tearDown() {
    st.close();
  }

  private static String problem(int status, String title, String errors) {
    return "{\"type\":\"https://tools.ietf.org/html/rfc7231#section-6.5.1\",\"title\":\"" + title
        + "\",\"status\":" + status + ",\"traceId\":\"00-abc-" + status + "-01\""
        + (errors == null ? "" : ",\"errors\":" + errors) + "}";
  }

  @Test
  void badRequest_withFieldErrors_mapsToBadRequestException() {
    fake.enqueue(json(400, problem(400, "One or more validation errors occurred.",
        "{\"name\":[\"The Name field is required.\"],\"locations[0].zip\":[\"Too long\",\"Bad\"]}")));

    assertThatThrownBy(() -> ctx.execute(api.create(TENANT, Map.of())))
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.title()).contains("One or more validation errors occurred.");
          assertThat(e.type()).contains("https://tools.ietf.org/html/rfc7231#section-6.5.1");
          assertThat(e.traceId()).contains("00-abc-400-01");
          assertThat(e.fieldErrors())
              .containsEntry("name", List.of("The Name field is required."))
              .containsEntry("locations[0].zip", List.of("Too long", "Bad"));
          assertThat(e.requestPath()).contains("POST /crm/v2/tenant/" + TENANT + "/customers");
          assertThat(e.getMessage()).contains("HTTP 400").contains("00-abc-400-01")
              .contains("The Name field is required.");
        });
  }

  @Test
  void notFound_mapsToNotFoundException_andExecuteOrEmptyOn404GivesEmpty() {
    fake.enqueue(json(404, problem(404, "Customer not found", null)),
        json(404, problem(404, "Customer not found", null)));

    assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 9)))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.title()).contains("Customer not found");
          assertThat(e.traceId()).contains("00-abc-404-01");
        });
    assertThat(ctx.executeOrEmptyOn404(api.customer(TENANT, 9))).isEmpty();
  }

  @Test
  void conflict_mapsToConflictException() {
    fake.enqueue(json(409, problem(409, "Appointment is already confirmed", null)));

    assertThatThrownBy(() -> ctx.execute(api.update(TENANT, 1, Map.of("x", 1))))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.title()).contains("Appointment is already confirmed");
          assertThat(e.traceId()).contains("00-abc-409-01");
        });
  }

  @Test
  void forbidden_mapsToForbiddenException() {
    fake.enqueue(json(403, problem(403, "Missing scope", null)));

    assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 1)))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void internalServerError_mapsToServerException() {
    fake.enqueue(json(500, problem(500, "An unexpected error occurred", null)));

    assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 1)))
        .isInstanceOfSatisfying(ServerException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.title()).contains("An unexpected error occurred");
          assertThat(e.traceId()).contains("00-abc-500-01");
        });
  }

  @Test
  void otherStatus_mapsToTitanApiException() {
    fake.enqueue(json(422, problem(422, "Unprocessable", "{\"a\":[\"b\"]}")));

    assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 1)))
        .isExactlyInstanceOf(TitanApiException.class)
        .satisfies(e -> assertThat(((TitanApiException) e).fieldErrors()).containsKey("a"));
  }

  @Test
  void errorBodyThatIsNotJson_stillYieldsTheStatusAndText() {
    fake.enqueue(new MockResponse.Builder().code(502).body("Bad Gateway").build(),
        new MockResponse.Builder().code(502).body("Bad Gateway").build(),
        new MockResponse.Builder().code(502).body("Bad Gateway").build(),
        new MockResponse.Builder().code(502).body("Bad Gateway").build());

    assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 1)))
        .isInstanceOfSatisfying(ServerException.class, e -> {
          assertThat(e.status()).isEqualTo(502);
          assertThat(e.title()).contains("Bad Gateway");
        });
  }

  @Test
  void chunkedErrorBodyOfUnknownLength_isRead() {
    fake.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json")
        .chunkedBody(problem(404, "Gone away", null), 7).build());

    assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 1)))
        .isInstanceOfSatisfying(NotFoundException.class,
            e -> assertThat(e.title()).contains("Gone away"));
  }

  @Test
  void unreadableJson_mapsToTitanDecodingExceptionWithPath() {
    fake.enqueue(json(200, "[1,2]"));

    assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 5)))
        .isInstanceOfSatisfying(TitanDecodingException.class, e -> {
          assertThat(e.requestPath()).contains("GET /crm/v2/tenant/" + TENANT + "/customers/5");
          assertThat(e.field()).contains("$");
        });
  }

  @Test
  void emptyOrTruncatedJsonBody_mapsToTitanDecodingException_notToAnIoFailure() {
    fake.enqueue(json(200, ""), json(200, "{\"id\":1,\"name\":"));

    assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 5)))
        .isInstanceOf(TitanDecodingException.class);
    assertThatThrownBy(() -> ctx.execute(api.customer(TENANT, 5)))
        .isInstanceOf(TitanDecodingException.class);
  }

  @Test
  void exceptionConstructorsArePublic_forTestsAndFakes() {
    TitanApiException e = TitanApiException.of(409, "t", null, "tr", Map.of(), "GET /x");
    assertThat(e).isInstanceOf(ConflictException.class);
    assertThat(new NotFoundException("t", null, null, "GET /x").status()).isEqualTo(404);
  }
}
