package dev.titanj.shop;

import dev.titanj.core.ListQuery;
import dev.titanj.core.spi.QueryState;
import dev.titanj.shop.model.Gadget;
import java.time.Instant;
import java.util.Collection;

/** The query of {@code shop.gadgets}, shaped like a generated one. */
public final class GadgetQuery extends ListQuery<Gadget, GadgetQuery> {
  GadgetQuery(QueryState<Gadget> state) {
    super(state);
  }

  @Override
  protected GadgetQuery withState(QueryState<Gadget> newState) {
    return new GadgetQuery(newState);
  }

  public GadgetQuery ids(Collection<Long> ids) {
    return idsParam("ids", ids);
  }

  public GadgetQuery name(String name) {
    return param("name", name);
  }

  public GadgetQuery modifiedOnOrAfter(Instant instant) {
    return instantParam("modifiedOnOrAfter", instant);
  }
}
