package dev.titanj.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.settings.model.BusinessUnit;
import dev.titanj.settings.model.TagType;
import dev.titanj.settings.model.UpdateBusinessUnitRequest;
import dev.titanj.settings.model.UserRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Settings reference data is cached by default: the second read never reaches the server. */
class SettingsReferenceDataCacheTest {
  private final ApiServer server = new ApiServer();
  private final ServiceTitan st = server.client(CacheSettings.defaults());
  private final Settings settings = Settings.of(st);

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void businessUnits_secondReadIsServedFromTheCache() {
    server.answer("{\"id\":8,\"name\":\"HVAC\"}");

    BusinessUnit first = settings.businessUnits().getById(8);
    BusinessUnit second = Settings.of(st).businessUnits().getById(8);

    assertThat(second).isEqualTo(first);
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /settings/v2/tenant/42/business-units/8");
    assertThat(server.pending()).isZero();
  }

  @Test
  void tagTypes_secondReadIsServedFromTheCache() {
    server.answer("{\"page\":1,\"pageSize\":5000,\"hasMore\":false,\"data\":[{\"id\":3,\"name\":\"VIP\"}]}");

    TagType first = settings.tagTypes().getById(3);
    TagType second = settings.tagTypes().getById(3);

    assertThat(second).isEqualTo(first);
    server.take();
    assertThat(server.pending()).isZero();
  }

  @Test
  void userRoles_secondReadIsServedFromTheCache() {
    server.answer("{\"page\":1,\"pageSize\":1,\"hasMore\":false,\"data\":[{\"id\":5,\"name\":\"Admin\"}]}");

    UserRole first = settings.userRoles().getById(5);
    UserRole second = settings.userRoles().getById(5);

    assertThat(second).isEqualTo(first);
    assertThat(server.take().getUrl().queryParameter("ids")).isEqualTo("5");
    assertThat(server.pending()).isZero();
  }

  @Test
  void aWrite_evictsTheCachedRecord_soTheNextReadGoesToTheServer() {
    server.answer("{\"id\":8,\"name\":\"HVAC\"}").answer("{\"id\":8}").answer("{\"id\":8,\"name\":\"Plumbing\"}");

    settings.businessUnits().getById(8);
    settings.businessUnits().update(8, UpdateBusinessUnitRequest.builder().build());
    BusinessUnit after = settings.businessUnits().getById(8);

    assertThat(after.name()).contains("Plumbing");
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /settings/v2/tenant/42/business-units/8");
    assertThat(ApiServer.line(server.take())).isEqualTo("PATCH /settings/v2/tenant/42/business-units/8");
    assertThat(ApiServer.line(server.take())).isEqualTo("GET /settings/v2/tenant/42/business-units/8");
  }

  @Test
  void withCachingDisabled_everyReadGoesToTheServer() {
    Settings uncached = Settings.of(server.client(CacheSettings.disabled()));
    server.answer("{\"id\":8}").answer("{\"id\":8}");

    uncached.businessUnits().getById(8);
    uncached.businessUnits().getById(8);

    server.take();
    server.take();
  }
}
