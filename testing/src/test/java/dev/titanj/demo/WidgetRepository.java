package dev.titanj.demo;

import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.ExportRepository;
import dev.titanj.core.QueryRepository;
import dev.titanj.core.ReadRepository;
import dev.titanj.core.ResourceKey;
import dev.titanj.core.spi.Arguments;
import dev.titanj.core.spi.ModuleRuntime;
import dev.titanj.core.spi.ResourceRuntime;
import dev.titanj.demo.internal.WidgetApi;
import dev.titanj.demo.model.Widget;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The repository of {@code demo.widgets}: each method one call into {@code core.spi}. */
public final class WidgetRepository implements ReadRepository<Widget, Long>,
    QueryRepository<Widget, Long>, ExportRepository<Widget, Long> {
  private final ResourceRuntime<Widget, Long> rt;
  private final WidgetApi api;

  WidgetRepository(ModuleRuntime m) {
    rt = m.resource(DemoModule.WIDGETS, Widget::id);
    api = m.api(WidgetApi.class);
  }

  @Override
  public ResourceKey<Widget, Long> key() {
    return rt.key();
  }

  @Override
  public WidgetQuery query() {
    return new WidgetQuery(rt.pages(api::list, 5000));
  }

  public Optional<Widget> findById(long id) {
    return rt.find(id, () -> api.get(id));
  }

  @Override
  public Optional<Widget> findById(Long id) {
    return findById(Arguments.id(id));
  }

  @Override
  public List<Widget> findAllById(Collection<Long> ids) {
    return rt.findAll(ids, batch -> query().ids(batch));
  }

  @Override
  public ExportFeed<Widget> export(ExportCursor cursor) {
    return rt.export(cursor, api::export);
  }
}
