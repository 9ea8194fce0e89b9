package dev.titanj.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.SortField;
import dev.titanj.core.testsupport.ApiServer;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Id lists and sort of the generated Settings queries. */
class SettingsQueryFiltersTest {
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
  void tagTypesQuery_sort_takesAFieldByName_becauseTheSpecListsNone() {
    assertThatThrownBy(() -> Class.forName("dev.titanj.settings.TagTypeSort"))
        .isInstanceOf(ClassNotFoundException.class);
    server.answer("{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[]}");

    settings.tagTypes().query().sort(SortField.named("Name").ascending()).page(1);

    assertThat(server.take().getUrl().queryParameter("sort")).isEqualTo("+Name");
  }
}
