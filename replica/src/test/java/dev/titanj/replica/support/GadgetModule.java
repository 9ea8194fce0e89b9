package dev.titanj.replica.support;

import dev.titanj.core.Active;
import dev.titanj.core.ListQuery;
import dev.titanj.core.Page;
import dev.titanj.core.QueryParams;
import dev.titanj.core.QueryRepository;
import dev.titanj.core.ResourceDescriptor;
import dev.titanj.core.ResourceKey;
import dev.titanj.core.spi.Descriptors;
import dev.titanj.core.spi.QueryState;
import dev.titanj.core.spi.TitanModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test module with one resource, {@code lab.gadgets}, that has a list (with an {@code active}
 * filter) and no export feed, served from memory so tests can delete records, which the fake
 * ServiceTitan cannot.
 */
public final class GadgetModule implements TitanModule {
  public static final ResourceKey<Gadget, Long> GADGETS =
      ResourceKey.of("lab.gadgets", Gadget.class, Long.class);

  private final ConcurrentSkipListMap<Long, Gadget> data = new ConcurrentSkipListMap<>();
  private final AtomicLong listRequests = new AtomicLong();

  public void put(long id, String name, boolean active) {
    data.put(id, ImmutableGadget.builder().id(id).name(name).active(active)
        .modifiedOn(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(id)).build());
  }

  public void remove(long id) {
    data.remove(id);
  }

  public long listRequests() {
    return listRequests.get();
  }

  @Override
  public String area() {
    return "lab";
  }

  @Override
  public List<ResourceDescriptor<?, ?>> resources() {
    Descriptors ops = Descriptors.under("lab/v2/tenant/{tenant}/");
    return List.of(new ResourceDescriptor<>(GADGETS,
        List.of(ops.page("Gadgets_GetList", "GET", "gadgets", Gadget.class)), false,
        "tn.lab.gadgets:r", "tn.lab.gadgets:w", st -> new GadgetRepository()));
  }

  private Page<Gadget> fetch(QueryParams params, int page, int pageSize, boolean includeTotal) {
    listRequests.incrementAndGet();
    String active = params.asMap().getOrDefault("active", List.of("True")).get(0);
    List<Gadget> matching = new ArrayList<>();
    for (Gadget g : data.values()) {
      boolean a = g.active().orElse(true);
      if (active.equals("Any") || (active.equals("True") == a)) {
        matching.add(g);
      }
    }
    int from = Math.min(matching.size(), (page - 1) * pageSize);
    int to = Math.min(matching.size(), from + pageSize);
    return new Page<>(List.copyOf(matching.subList(from, to)), page, pageSize,
        to < matching.size(), includeTotal ? (long) matching.size() : null);
  }

  /** The query of {@code lab.gadgets}, with the generated-style {@code active} filter. */
  public static final class GadgetQuery extends ListQuery<Gadget, GadgetQuery> {
    GadgetQuery(QueryState<Gadget> state) {
      super(state);
    }

    @Override
    protected GadgetQuery withState(QueryState<Gadget> newState) {
      return new GadgetQuery(newState);
    }

    public GadgetQuery active(Active active) {
      return enumParam("active", active);
    }
  }

  final class GadgetRepository implements QueryRepository<Gadget, Long> {
    @Override
    public ResourceKey<Gadget, Long> key() {
      return GADGETS;
    }

    @Override
    public GadgetQuery query() {
      return new GadgetQuery(QueryState.initial(GadgetModule.this::fetch, 5000, Runnable::run));
    }
  }
}
