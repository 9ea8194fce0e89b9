package dev.titanj.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.SortField;
import dev.titanj.core.testsupport.ApiServer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Id lists, the {@code state} filter and sort fields of the generated CRM queries. */
class CrmQueryFiltersTest {
  private static final String EMPTY_PAGE = "{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[]}";
  private final ApiServer server = new ApiServer();
  private final Crm crm = Crm.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  private static List<Long> ids(int n) {
    return LongStream.rangeClosed(1, n).boxed().collect(Collectors.toList());
  }

  @Test
  void customerIds_with51Ids_throwsNamingTheArgument_beforeAnyRequest() {
    assertThatThrownBy(() -> crm.customers().modifiedContacts().customerIds(ids(51)).page(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customerIds takes at most 50 ids, got 51");
    assertThat(server.pending()).isZero();
  }

  @Test
  void locationIds_with51Ids_throwsNamingTheArgument_beforeAnyRequest() {
    assertThatThrownBy(() -> crm.locations().modifiedContacts().locationIds(ids(51)).page(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("locationIds takes at most 50 ids, got 51");
    assertThat(server.pending()).isZero();
  }

  @Test
  void customerIds_whenEmptyOrHoldingNull_throwsBeforeAnyRequest() {
    assertThatThrownBy(() -> crm.customers().modifiedContacts().customerIds(List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("customerIds must not be empty");
    assertThatThrownBy(() -> crm.customers().modifiedContacts().customerIds(Arrays.asList(1L, null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("customerIds must not contain null");
    assertThat(server.pending()).isZero();
  }

  @Test
  void customerIds_with50Ids_areSentCommaSeparated() {
    server.answer(EMPTY_PAGE);

    crm.customers().modifiedContacts().customerIds(ids(50)).page(1);

    assertThat(server.take().getUrl().queryParameter("customerIds").split(",")).hasSize(50);
  }

  @Test
  void customersQuery_state_isTheStateFilter() {
    server.answer(EMPTY_PAGE).answer(EMPTY_PAGE);

    crm.customers().query().state("CA").page(1);
    crm.locations().query().state("NV").page(1);

    assertThat(server.take().getUrl().queryParameter("state")).isEqualTo("CA");
    assertThat(server.take().getUrl().queryParameter("state")).isEqualTo("NV");
  }

  @Test
  void sortEnums_listExactlyTheFieldsTheSpecNames() {
    assertThat(Arrays.stream(CustomerSort.values()).map(CustomerSort::wireName))
        .containsExactly("Id", "ModifiedOn", "CreatedOn");
    assertThat(Arrays.stream(ContactRelationshipsSort.values()).map(ContactRelationshipsSort::wireName))
        .containsExactly("ID", "ModifiedOn", "CreatedOn");
  }

  @Test
  void customFieldTypes_sort_takesAFieldByName_becauseTheSpecListsNone() throws Exception {
    assertThatThrownBy(() -> Class.forName("dev.titanj.crm.CustomerCustomFieldTypesSort"))
        .isInstanceOf(ClassNotFoundException.class);
    server.answer(EMPTY_PAGE);

    crm.customers().customFieldTypes().sort(SortField.named("Name").descending()).page(1);

    RecordedRequest r = server.take();
    assertThat(r.getUrl().queryParameter("sort")).isEqualTo("-Name");
  }
}
