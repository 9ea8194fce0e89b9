package dev.titanj.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.ListQuery;
import dev.titanj.core.Page;
import dev.titanj.core.SortField;
import dev.titanj.core.spi.PageSource;
import dev.titanj.core.spi.QueryState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The argument rules every generated filter inherits from {@link ListQuery}. */
class ListQueryFiltersTest {
  private final AtomicInteger requests = new AtomicInteger();
  private final PageSource<Sample> source = (params, page, pageSize, includeTotal) -> {
    requests.incrementAndGet();
    return new Page<>(List.of(), page, pageSize, false, null);
  };
  private final SampleQuery query = new SampleQuery(QueryState.initial(source, 5000, Runnable::run));

  private static List<Long> ids(int n) {
    return LongStream.rangeClosed(1, n).boxed().collect(Collectors.toList());
  }

  @Test
  void isIdList_coversIdsAndEveryNameEndingInIds() {
    assertThat(ListQuery.isIdList("ids")).isTrue();
    assertThat(ListQuery.isIdList("businessUnitIds")).isTrue();
    assertThat(ListQuery.isIdList("assignedToIds")).isTrue();
    assertThat(ListQuery.isIdList("statuses")).isFalse();
    assertThat(ListQuery.isIdList("customerId")).isFalse();
  }

  @Test
  void commaSeparatedIdList_with50Ids_isSentJoined() {
    SampleQuery q = query.businessUnitIds(ids(50));

    assertThat(q.parameters().first("businessUnitIds")).startsWith("1,2,3,").endsWith(",50");
  }

  @Test
  void commaSeparatedIdList_with51Ids_throwsNamingTheArgument_beforeAnyRequest() {
    assertThatThrownBy(() -> query.businessUnitIds(ids(51)).first())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("businessUnitIds takes at most 50 ids, got 51");
    assertThat(requests).hasValue(0);
  }

  @Test
  void repeatedKeyIdList_with51Ids_throwsNamingTheArgument_beforeAnyRequest() {
    assertThatThrownBy(() -> query.assignedToIds(ids(51)).first())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("assignedToIds takes at most 50 ids, got 51");
    assertThat(requests).hasValue(0);
  }

  @Test
  void repeatedKeyList_isNotCapped_whenItIsNoIdList() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      many.add("S" + i);
    }

    assertThat(query.statuses(many).parameters().all("statuses")).hasSize(60);
  }

  @Test
  void statuses_whenEmpty_throwsBeforeAnyRequest() {
    assertThatThrownBy(() -> query.statuses(List.of()).first())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("statuses must not be empty");
    assertThat(requests).hasValue(0);
  }

  @Test
  void statuses_withANullElement_throwsBeforeAnyRequest() {
    assertThatThrownBy(() -> query.statuses(Arrays.asList("A", null)).first())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("statuses must not contain null");
    assertThat(requests).hasValue(0);
  }

  @Test
  void idList_whenEmptyOrHoldingNull_throwsNamingTheArgument() {
    assertThatThrownBy(() -> query.businessUnitIds(List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("businessUnitIds must not be empty");
    assertThatThrownBy(() -> query.assignedToIds(List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("assignedToIds must not be empty");
    assertThatThrownBy(() -> query.businessUnitIds(Arrays.asList(1L, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("businessUnitIds must not contain null");
    assertThatThrownBy(() -> query.assignedToIds(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("assignedToIds must not be null");
  }

  @Test
  void aFilterNamedState_isAnOrdinaryFilter() {
    assertThat(query.state("CA").parameters().first("state")).isEqualTo("CA");
  }

  @Test
  void namedSortField_isSentAsPlusOrMinusItsName() {
    assertThat(query.sortByName(SortField.named("Name").ascending()).parameters().first("sort"))
        .isEqualTo("+Name");
    assertThat(query.sortByName(SortField.named("Number").descending()).parameters().first("sort"))
        .isEqualTo("-Number");
    assertThat(SortField.named("Name")).isEqualTo(SortField.named("Name"));
    assertThat(SortField.named("Name").ascending()).isEqualTo(SortField.named("Name").ascending());
  }

  @Test
  void namedSortField_whenBlankSignedOrSeveralFields_throws() {
    assertThatThrownBy(() -> SortField.named(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sort field name must not be blank");
    assertThatThrownBy(() -> SortField.named(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sort field name must not be blank");
    assertThatThrownBy(() -> SortField.named("-Name")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("direction");
    assertThatThrownBy(() -> SortField.named("Id,Name")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one field name");
  }
}
