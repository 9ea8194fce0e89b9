package dev.titanj.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.testsupport.ApiServer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Id lists and sort fields of the generated Dispatch queries. */
class DispatchQueryFiltersTest {
  private final ApiServer server = new ApiServer();
  private final Dispatch dispatch = Dispatch.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void appointmentIds_with51Ids_throwsNamingTheArgument_beforeAnyRequest() {
    List<Long> ids = LongStream.rangeClosed(1, 51).boxed().collect(Collectors.toList());

    assertThatThrownBy(() -> dispatch.appointmentAssignments().query().appointmentIds(ids).page(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("appointmentIds takes at most 50 ids, got 51");
    assertThat(server.pending()).isZero();
  }

  @Test
  void appointmentIds_whenEmpty_throwsBeforeAnyRequest() {
    assertThatThrownBy(() -> dispatch.appointmentAssignments().query().appointmentIds(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("appointmentIds must not be empty");
    assertThat(server.pending()).isZero();
  }

  @Test
  void sortEnums_listExactlyTheFieldsTheSpecNames() {
    assertThat(Arrays.stream(ZoneSort.values()).map(ZoneSort::wireName))
        .containsExactly("Id", "CreatedOn", "ModifiedOn");
  }
}
