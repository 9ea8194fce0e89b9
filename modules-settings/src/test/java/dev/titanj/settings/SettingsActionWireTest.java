package dev.titanj.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.settings.model.AccountAction;
import dev.titanj.settings.model.AccountActionRequest;
import dev.titanj.settings.model.TechnicianAccountActionRequest;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every named Settings action: the HTTP method, path and body it sends, and nothing else. */
class SettingsActionWireTest {
  private final ApiServer server = new ApiServer();
  private final Settings settings = Settings.of(server.client(CacheSettings.disabled()));

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void employeeAccountActions_postsTheChosenAction_toAccountActions() {
    server.answer("{\"status\":\"Success\"}");

    settings.employees().accountActions(8,
        AccountActionRequest.builder().action(AccountAction.DEACTIVATE).build());

    RecordedRequest r = server.take();
    assertThat(ApiServer.line(r)).isEqualTo("POST /settings/v2/tenant/42/employees/8/account-actions");
    assertThat(ApiServer.body(r)).isEqualTo("{\"action\":\"Deactivate\"}");
  }

  @Test
  void technicianAccountActions_postsTheChosenAction_toAccountActions() {
    server.answer("{\"status\":\"Success\"}");

    settings.technicians().accountActions(9,
        TechnicianAccountActionRequest.builder().action(AccountAction.SEND_INVITE).build());

    RecordedRequest r = server.take();
    assertThat(ApiServer.line(r)).isEqualTo("POST /settings/v2/tenant/42/technicians/9/account-actions");
    assertThat(ApiServer.body(r)).isEqualTo("{\"action\":\"SendInvite\"}");
  }
}
