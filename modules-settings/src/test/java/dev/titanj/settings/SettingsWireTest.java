package dev.titanj.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.Active;
import dev.titanj.core.CacheSettings;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.settings.model.AccountCreationMethod;
import dev.titanj.settings.model.CreateTechnicianRequest;
import dev.titanj.settings.model.LicenseType;
import dev.titanj.settings.model.TagType;
import dev.titanj.settings.model.UserRole;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exact HTTP behaviour of the generated Settings repositories against a loopback server. */
class SettingsWireTest {
  private final ApiServer server = new ApiServer();
  private final Settings settings = Settings.of(server.client(CacheSettings.disabled()));

  @AfterEach
  void close() {
    server.close();
  }

  private static CreateTechnicianRequest technician() {
    return CreateTechnicianRequest.builder().name("Sam").roleId(4)
        .accountCreationMethod(AccountCreationMethod.values()[0])
        .licenseType(LicenseType.values()[0])
        .password("hunter2-secret").build();
  }

  @Test
  void technicianCreate_sendsThePassword_butNeverPrintsIt() {
    server.answer("{\"id\":11}");

    settings.technicians().create(technician());

    RecordedRequest r = server.take();
    assertThat(ApiServer.line(r)).isEqualTo("POST /settings/v2/tenant/42/technicians");
    assertThat(ApiServer.body(r)).contains("\"password\":\"hunter2-secret\"").contains("\"roleId\":4");
    assertThat(technician().toString()).doesNotContain("hunter2-secret").contains("Sam");
  }

  @Test
  void userRoles_findById_usesTheIdsFilter() {
    server.answer("{\"page\":1,\"pageSize\":1,\"hasMore\":false,\"data\":[{\"id\":3,\"name\":\"Dispatcher\"}]}");

    Optional<UserRole> role = settings.userRoles().findById(3);

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/settings/v2/tenant/42/user-roles");
    assertThat(r.getUrl().queryParameter("ids")).isEqualTo("3");
    assertThat(r.getUrl().queryParameter("active")).isEqualTo("Any");
    assertThat(role.flatMap(UserRole::name)).contains("Dispatcher");
  }

  @Test
  void tagTypes_findById_scansTheList_becauseThereIsNoIdFilter() {
    server.answer("{\"page\":1,\"pageSize\":5000,\"hasMore\":true,\"data\":[{\"id\":1,\"name\":\"VIP\"}]}")
        .answer("{\"page\":2,\"pageSize\":5000,\"hasMore\":false,\"data\":[{\"id\":2,\"name\":\"Late\"}]}");

    Optional<TagType> tag = settings.tagTypes().findById(2);

    assertThat(tag.flatMap(TagType::name)).contains("Late");
    RecordedRequest first = server.take();
    assertThat(first.getUrl().queryParameter("active")).isEqualTo("Any");
    assertThat(first.getUrl().queryParameter("pageSize")).isEqualTo("5000");
    assertThat(server.take().getUrl().queryParameter("page")).isEqualTo("2");
  }

  @Test
  void businessUnits_queryByNameAndActive() {
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[{\"id\":8,\"name\":\"HVAC\"}]}");

    var units = settings.businessUnits().query().name("HVAC").active(Active.TRUE).toList();

    RecordedRequest r = server.take();
    assertThat(r.getUrl().queryParameter("name")).isEqualTo("HVAC");
    assertThat(r.getUrl().queryParameter("active")).isEqualTo("True");
    assertThat(units).hasSize(1);
  }
}
