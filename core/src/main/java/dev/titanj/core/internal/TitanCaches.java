package dev.titanj.core.internal;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.CacheStatistics;
import dev.titanj.core.internal.cache.CacheManagers;
import dev.titanj.core.internal.cache.ResourceCaches;
import java.time.Clock;
import java.util.Objects;

/**
 * The caches of one client family (a client and the tenants derived from it). Owns the JCache
 * manager (opened on first use of a cached resource); hands out one {@link ResourceCache} per
 * resource and scope; counts hits and misses per resource.
 */
public final class TitanCaches implements AutoCloseable {
  private final CacheSettings settings;
  private final ResourceCaches caches;

  /** Caches whose TTLs run on the system clock. */
  public TitanCaches(CacheSettings settings) {
    this(settings, Clock.systemUTC());
  }

  /** Caches whose TTLs run on {@code clock} (the client's injected clock). */
  public TitanCaches(CacheSettings settings, Clock clock) {
    this(settings, clock, MetricsRecorder.NONE);
  }

  /** Caches whose hit and miss counts are also published to {@code metrics}. */
  public TitanCaches(CacheSettings settings, Clock clock, MetricsRecorder metrics) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.caches = new ResourceCaches(settings, Objects.requireNonNull(clock, "clock"),
        (resource, hits, misses) -> metrics.cacheCounters(resource, hits, misses));
  }

  /**
   * The cache of {@code resource} for the given scope (environment and tenant).
   *
   * @param resource the resource's descriptor (its name and reference-data flag)
   * @param scope environment and tenant, part of every key
   */
  public <K, V> ResourceCache<K, V> cache(dev.titanj.core.ResourceDescriptor<V, K> resource,
      String scope) {
    Objects.requireNonNull(resource, "resource");
    if (scope == null || scope.isBlank()) {
      throw new IllegalArgumentException("scope must not be blank");
    }
    return caches.cache(resource, scope);
  }

  public CacheSettings settings() {
    return settings;
  }

  /** Hits and misses per cached resource since the client was built. */
  public CacheStatistics statistics() {
    return caches.statistics();
  }

  /** The JCache manager, opening it if needed; for diagnostics and tests. */
  public CacheManagers managers() {
    return caches.managers();
  }

  @Override
  public void close() {
    caches.close();
  }
}
