package dev.titanj.core.query;

import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.spi.PageSource;
import dev.titanj.core.internal.ResourceSupport;
import dev.titanj.core.internal.TitanContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A repository over the sample resource, written the way generated repositories are. */
public final class SampleRepository {
  public static final String RESOURCE = "test.samples";
  private static final Set<String> KNOWN =
      Set.of("ids", "name", "active", "statuses", "modifiedOnOrAfter", "sort");

  private final ResourceSupport<Long, Sample> support;
  private final SampleApi api;
  private final long tenant;

  public SampleRepository(ServiceTitan st) {
    TitanContext ctx = TitanContext.of(st);
    this.support = new ResourceSupport<>(ctx, RESOURCE, Long.class, Sample.class, Sample::id);
    this.api = ctx.api(SampleApi.class);
    this.tenant = ctx.tenantId();
  }

  public Optional<Sample> findById(long id) {
    return support.findById(id, () -> api.get(tenant, id));
  }

  public Sample getById(long id) {
    return support.getById(id, () -> api.get(tenant, id));
  }

  public List<Sample> findAllById(Collection<Long> ids) {
    return support.findAllById(ids, batch -> query().ids(batch).pageSize(batch.size()).page(1).items());
  }

  public SampleQuery query() {
    PageSource<Sample> pages = support.pages((p, page, size, total) -> api.list(tenant,
        p.first("ids"), p.first("name"), p.first("active"), p.all("statuses"),
        p.first("modifiedOnOrAfter"), p.first("sort"), p.others(KNOWN), page, size,
        total ? Boolean.TRUE : null));
    return new SampleQuery(support.query(pages, 5000));
  }

  public ExportFeed<Sample> export(ExportCursor start) {
    return support.export((from, recent) -> api.export(tenant, from, recent ? Boolean.TRUE : null),
        start);
  }

  /** A write whose effect is not limited to one record: evicts the whole resource. */
  public Sample renameEvictingAll(long id, String name) {
    return support.writeAll(() -> api.update(tenant, id, Map.of("name", name)));
  }

  public Sample rename(long id, String name) {
    return support.write(id, () -> api.update(tenant, id, Map.of("name", name)));
  }
}
