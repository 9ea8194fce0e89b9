package dev.titanj.core.spi;

import dev.titanj.core.ResourceDescriptor;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.internal.TitanContext;
import java.util.Objects;
import java.util.function.Function;

/**
 * The runtime one generated module uses within one {@link ServiceTitan} client: its Retrofit
 * services and one {@link ResourceRuntime} per resource. Hands out no credential and no raw
 * HTTP client.
 */
public final class ModuleRuntime {
  private final TitanContext context;

  private ModuleRuntime(TitanContext context) {
    this.context = context;
  }

  /** The runtime of {@code serviceTitan} for a generated module's entry point. */
  public static ModuleRuntime of(ServiceTitan serviceTitan) {
    return new ModuleRuntime(TitanContext.of(Objects.requireNonNull(serviceTitan, "serviceTitan")));
  }

  /** The Retrofit implementation of a generated interface, created once per client. */
  public <A> A api(Class<A> service) {
    return context.api(service);
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
}
