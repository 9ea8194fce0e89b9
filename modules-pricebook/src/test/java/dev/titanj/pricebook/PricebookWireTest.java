package dev.titanj.pricebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.Active;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.testsupport.ApiServer;
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exact HTTP behaviour of the generated Pricebook repositories (main resources) on a loopback server. */
class PricebookWireTest {
  private final ApiServer server = new ApiServer();
  private final Pricebook api = Pricebook.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  static String page(String... records) {
    return "{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[" + String.join(",", records) + "]}";
  }

  @Test
  void servicesQuery_andFindById_readOneServiceType_withCalculatedPrices() {
    String service = "{\"id\":5,\"code\":\"S-1\",\"price\":99.5,\"calculatedPrice\":101.25,\"active\":true,\"x\":1}";
    server.answer(page(service)).answer(service);

    List<dev.titanj.pricebook.model.Service> list = api.services().query().active(Active.ANY).ids(5L).stream().toList();
    dev.titanj.pricebook.model.Service one = api.services().getById(5);

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/pricebook/v2/tenant/42/services");
    assertThat(r.getUrl().queryParameter("active")).isEqualTo("Any");
    assertThat(r.getUrl().queryParameter("ids")).isEqualTo("5");
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /pricebook/v2/tenant/42/services/5");
    assertThat(list).extracting(dev.titanj.pricebook.model.Service::id).containsExactly(5L);
    assertThat(one.calculatedPrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("101.25"));
  }

  @Test
  void materials_createSendsOnlyWhatWasSet_andExportIsTheSameRecord() {
    server.answer("{\"id\":6,\"code\":\"M-1\"}")
        .answer("{\"hasMore\":false,\"continueFrom\":\"c2\",\"data\":[{\"id\":6,\"active\":false}]}");

    api.materials().create(dev.titanj.pricebook.model.CreateMaterialRequest.builder().code("M-1")
        .description("Copper pipe").build());
    List<dev.titanj.pricebook.model.Material> feed = api.materials().export(ExportCursor.from("c1")).stream().toList();

    RecordedRequest post = server.take();
    assertThat(ApiServer.line(post)).isEqualTo("POST /pricebook/v2/tenant/42/materials");
    assertThat(ApiServer.body(post)).isEqualTo("{\"code\":\"M-1\",\"description\":\"Copper pipe\"}");
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /pricebook/v2/tenant/42/export/materials?from=c1");
    assertThat(feed.get(0).active()).contains(false);
  }

  @Test
  void materialsMarkup_answersAreTheDocumentsDataWrappers() {
    server.answer("{\"data\":{\"id\":3,\"percent\":12.5}}");

    var wrapped = api.materialsmarkup().get(3);

    assertThat(ApiServer.line(server.take())).isEqualTo("GET /pricebook/v2/tenant/42/materialsmarkup/3");
    assertThat(wrapped.data()).isPresent();
  }
}
