package dev.titanj.demo;

import dev.titanj.core.ListQuery;
import dev.titanj.core.spi.QueryState;
import dev.titanj.demo.model.Widget;
import java.util.Collection;

/** The query of {@code demo.widgets}, shaped like a generated one. */
public final class WidgetQuery extends ListQuery<Widget, WidgetQuery> {
  WidgetQuery(QueryState<Widget> state) {
    super(state);
  }

  @Override
  protected WidgetQuery withState(QueryState<Widget> newState) {
    return new WidgetQuery(newState);
  }

  public WidgetQuery ids(Collection<Long> ids) {
    return idsParam("ids", ids);
  }

  public WidgetQuery name(String name) {
    return param("name", name);
  }
}
