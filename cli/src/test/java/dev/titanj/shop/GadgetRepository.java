package dev.titanj.shop;

import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.ExportRepository;
import dev.titanj.core.QueryRepository;
import dev.titanj.core.ReadRepository;
import dev.titanj.core.ResourceKey;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.spi.Arguments;
import dev.titanj.core.spi.ModuleRuntime;
import dev.titanj.core.spi.ResourceRuntime;
import dev.titanj.shop.internal.GadgetApi;
import dev.titanj.shop.model.Gadget;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The repository of {@code shop.gadgets}: each method one call into {@code core.spi}. */
public final class GadgetRepository implements ReadRepository<Gadget, Long>,
    QueryRepository<Gadget, Long>, ExportRepository<Gadget, Long> {
  private final ResourceRuntime<Gadget, Long> rt;
  private final GadgetApi api;

  GadgetRepository(ServiceTitan st) {
    ModuleRuntime m = ModuleRuntime.of(st, ShopModule.BASE);
    rt = m.resource(ShopModule.GADGETS, Gadget::id);
    api = m.api(GadgetApi.class);
  }

  @Override
  public ResourceKey<Gadget, Long> key() {
    return rt.key();
  }

  @Override
  public GadgetQuery query() {
    return new GadgetQuery(rt.pages(api::list, 5000));
  }

  public Optional<Gadget> findById(long id) {
    return rt.find(id, () -> api.get(id));
  }

  @Override
  public Optional<Gadget> findById(Long id) {
    return findById(Arguments.id(id));
  }

  @Override
  public List<Gadget> findAllById(Collection<Long> ids) {
    return rt.findAll(ids, batch -> query().ids(batch));
  }

  @Override
  public ExportFeed<Gadget> export(ExportCursor cursor) {
    return rt.export(cursor, api::export);
  }
}
