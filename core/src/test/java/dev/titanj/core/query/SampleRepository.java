package dev.titanj.core.query;

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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The repository of the test module's one resource, written exactly as codegen writes one: each
 * method is one call into {@code core.spi}, so core's tests run the path generated code runs.
 */
public final class SampleRepository implements ReadRepository<Sample, Long>,
    QueryRepository<Sample, Long>, ExportRepository<Sample, Long> {
  public static final String RESOURCE = "test.samples";

  private final ResourceRuntime<Sample, Long> rt;
  private final SampleApi api;

  SampleRepository(ModuleRuntime m) {
    rt = m.resource(SampleModule.SAMPLES, Sample::id);
    api = m.api(SampleApi.class);
  }

  /** The repository of {@code st}, as an entry point's accessor would give it. */
  public SampleRepository(ServiceTitan st) {
    this(ModuleRuntime.of(st, SampleModule.BASE));
  }

  @Override
  public ResourceKey<Sample, Long> key() {
    return rt.key();
  }

  public Optional<Sample> findById(long id) {
    return rt.find(id, () -> api.get(id));
  }

  @Override
  public Optional<Sample> findById(Long id) {
    return findById(Arguments.id(id));
  }

  public Sample getById(long id) {
    return rt.found(id, findById(id));
  }

  @Override
  public List<Sample> findAllById(Collection<Long> ids) {
    return rt.findAll(ids, batch -> query().ids(batch));
  }

  @Override
  public SampleQuery query() {
    return new SampleQuery(rt.pages(api::list, 5000));
  }

  @Override
  public ExportFeed<Sample> export(ExportCursor start) {
    return rt.export(start, api::export);
  }

  public Sample renameEvictingAll(long id, String name) {
    return rt.writeAll(() -> api.update(id, Map.of("name", name)));
  }

  public Sample rename(long id, String name) {
    return rt.write(id, () -> api.update(id, Map.of("name", name)));
  }
}
