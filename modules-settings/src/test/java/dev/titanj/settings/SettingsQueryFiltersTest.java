package dev.titanj.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.NotFoundException;
import dev.titanj.core.SortField;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.settings.model.BusinessUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Id lists and sort of the generated Settings queries, and the read-by-id query parameter
 * {@code externalDataApplicationGuid}. Business units are reference data, cached by default.
 */
class SettingsQueryFiltersTest {
  private static final UUID APP = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5");
  private static final String UNIT = "{\"id\":7,\"name\":\"HVAC\"}";
  private final ApiServer server = new ApiServer();
  private final Settings settings = Settings.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  private static List<Long> ids(int n) {
    return LongStream.rangeClosed(1, n).boxed().collect(Collectors.toList());
  }

  @Test
  void userIds_with51Ids_throwsNamingTheArgument_beforeAnyRequest() {
    assertThatThrownBy(() -> settings.technicians().query().userIds(ids(51)).page(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userIds takes at most 50 ids, got 51");
    assertThatThrownBy(() -> settings.employees().query().userIds(ids(51)).page(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userIds takes at most 50 ids, got 51");
    assertThat(server.pending()).isZero();
  }

  @Test
  void businessUnitFindById_withExternalDataApplicationGuid_sendsIt() {
    server.answer(UNIT);

    Optional<BusinessUnit> unit = settings.businessUnits().findById(7, APP);

    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/settings/v2/tenant/42/business-units/7");
    assertThat(r.getUrl().queryParameter("externalDataApplicationGuid")).isEqualTo(APP.toString());
    assertThat(unit).map(BusinessUnit::id).contains(7L);
  }

  @Test
  void businessUnitFindById_withExternalDataApplicationGuid_bypassesTheCache() {
    server.answer(UNIT).answer(UNIT).answer(UNIT);

    settings.businessUnits().findById(7);
    settings.businessUnits().findById(7, APP);
    settings.businessUnits().findById(7, APP);
    settings.businessUnits().findById(7);

    assertThat(server.take().getUrl().queryParameter("externalDataApplicationGuid")).isNull();
    assertThat(server.take().getUrl().queryParameter("externalDataApplicationGuid")).isNotNull();
    assertThat(server.take().getUrl().queryParameter("externalDataApplicationGuid")).isNotNull();
    assertThat(server.pending()).as("the plain read is served from the cache").isZero();
  }

  @Test
  void businessUnitGetById_withExternalDataApplicationGuid_whenNotFound_throwsNotFound() {
    server.answer(404, "{\"title\":\"Not Found\",\"status\":404}");

    assertThatThrownBy(() -> settings.businessUnits().getById(8, APP))
        .isInstanceOf(NotFoundException.class);
    assertThat(server.take().getUrl().queryParameter("externalDataApplicationGuid"))
        .isEqualTo(APP.toString());
  }

  @Test
  void businessUnitFindById_withNullGuid_throwsBeforeAnyRequest() {
    assertThatThrownBy(() -> settings.businessUnits().findById(7, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("externalDataApplicationGuid");
    assertThatThrownBy(() -> settings.businessUnits().getById(0, APP))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
    assertThat(server.pending()).isZero();
  }

  @Test
  void tagTypesQuery_sort_takesAFieldByName_becauseTheSpecListsNone() {
    assertThatThrownBy(() -> Class.forName("dev.titanj.settings.TagTypeSort"))
        .isInstanceOf(ClassNotFoundException.class);
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[]}");

    settings.tagTypes().query().sort(SortField.named("Name").ascending()).page(1);

    assertThat(server.take().getUrl().queryParameter("sort")).isEqualTo("+Name");
  }
}
