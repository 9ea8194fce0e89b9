package dev.titanj.core.spi;

import dev.titanj.core.ResourceDescriptor;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.Sleeper;
import dev.titanj.core.internal.TitanContext;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.cache.Cache;

/**
 * The runtime one generated module uses within one {@link ServiceTitan} client: its Retrofit
 * services and one {@link ResourceRuntime} per resource. Hands out no credential and no raw
 * HTTP client.
 */
public final class ModuleRuntime {
  private final TitanContext context;
  private final String areaBase;

  private ModuleRuntime(TitanContext context, String areaBase) {
    this.context = context;
    this.areaBase = areaBase;
  }

  /**
   * The runtime of {@code serviceTitan} for a generated module's entry point; {@code areaBase}
   * is the area's path below the API base, such as {@code crm/v2}.
   */
  public static ModuleRuntime of(ServiceTitan serviceTitan, String areaBase) {
    if (areaBase == null || !areaBase.matches("[a-z0-9-]+(/[a-z0-9-]+)*")) {
      throw new IllegalArgumentException("areaBase must look like crm/v2, was " + areaBase);
    }
    return new ModuleRuntime(TitanContext.of(Arguments.notNull("serviceTitan", serviceTitan)),
        areaBase);
  }

  /**
   * The Retrofit implementation of a generated interface, whose paths are relative to
   * {@code {areaBase}/tenant/{tenant}/}; created once per client.
   */
  public <A> A api(Class<A> service) {
    return context.api(areaBase, service);
  }

  /**
   * The Retrofit implementation of a generated interface whose paths are relative to another
   * API version of the same area, {@code {otherBase}/tenant/{tenant}/} ({@code telecom/v3} in a
   * module whose base is {@code telecom/v2}); created once per client.
   */
  public <A> A api(String otherBase, Class<A> service) {
    if (otherBase == null || !otherBase.matches("[a-z0-9-]+(/[a-z0-9-]+)*")) {
      throw new IllegalArgumentException("otherBase must look like telecom/v3, was " + otherBase);
    }
    return context.api(otherBase, service);
  }

  /**
   * The runtime of one resource: its cache (per the client's cache settings, reference data
   * cached by default) and the calls of its repository. {@code idOf} reads a record's id; null
   * for resources whose records have none.
   */
  public <T, K> ResourceRuntime<T, K> resource(ResourceDescriptor<T, K> descriptor,
      Function<T, K> idOf) {
    return new ResourceRuntime<>(context, descriptor, idOf);
  }

  // ---- for hand-written runtimes beside a generated module (the Reporting API's pacing) ----

  /**
   * The client's clock ({@code ServiceTitan.Builder.clock}): a runtime that paces or waits
   * measures time on it, so tests advance a clock instead of waiting.
   */
  public Clock clock() {
    return context.settings().clock;
  }

  /** The client's sleeper ({@code ServiceTitan.Builder.sleeper}): every wait goes through it. */
  public Sleeper sleeper() {
    return context.settings().sleeper;
  }

  /**
   * The name of the unit ServiceTitan limits, environment, tenant and application (a hash of the
   * app key, never the key): clients with the same name share limits. For keys of limits kept
   * beside the rate budget.
   */
  public String limitScope() {
    return context.budgetKey();
  }

  /**
   * The JCache cache the client's rate budget is shared through, when it is
   * ({@link dev.titanj.core.RateLimit#shared(javax.cache.CacheManager, int)}); empty otherwise.
   * Limits other processes must see too are kept there, under keys of their own.
   */
  public Optional<Cache<String, byte[]>> sharedLimits() {
    return context.settings().rateLimit.sharedCache();
  }

  /**
   * The starting state of a paged query over {@code source}, paged by core like every generated
   * list (bounded loops, the client's paging pool, no retries on top of the HTTP layer's).
   */
  public <T> QueryState<T> pages(PageSource<T> source, int maxPageSize) {
    return QueryState.initial(Objects.requireNonNull(source, "source"), maxPageSize, context);
  }
}
