package dev.titanj.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.ListQuery;
import dev.titanj.core.Page;
import dev.titanj.core.Sort;
import dev.titanj.core.SortField;
import dev.titanj.core.spi.QueryState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --sort} on a query whose operation lists no sort fields. */
class QueryBinderSortTest {

  /** Shaped like a generated query whose spec names no sort fields. */
  public static final class NamedSortQuery extends ListQuery<Object, NamedSortQuery> {
    NamedSortQuery(QueryState<Object> state) {
      super(state);
    }

    @Override
    protected NamedSortQuery withState(QueryState<Object> state) {
      return new NamedSortQuery(state);
    }

    public NamedSortQuery sort(Sort<SortField.Named> sort) {
      return sortParam(sort);
    }
  }

  private final NamedSortQuery query = new NamedSortQuery(QueryState.initial(
      (params, page, pageSize, includeTotal) -> new Page<>(List.of(), page, pageSize, false, null),
      5000, Runnable::run));
  private final QueryBinder binder = new QueryBinder("test things", NamedSortQuery.class);

  @Test
  void sort_whenTheSpecListsNoFields_takesAnyFieldByName() {
    assertThat(binder.sortsByName()).isTrue();
    assertThat(binder.sortFields()).isEmpty();

    ListQuery<?, ?> sorted = binder.apply(query, List.of(), "-Name");

    assertThat(sorted.parameters().first("sort")).isEqualTo("-Name");
  }

  @Test
  void sort_byABadFieldName_isAUsageError() {
    assertThatThrownBy(() -> binder.apply(query, List.of(), "+Id,Name"))
        .isInstanceOf(UsageException.class).hasMessageContaining("one field name");
  }
}
