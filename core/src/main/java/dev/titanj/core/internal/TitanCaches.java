package dev.titanj.core.internal;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.CacheStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The caches of one client family (a client and the tenants derived from it). Owns the cache
 * manager; hands out one {@link ResourceCache} per resource and scope.
 */
public final class TitanCaches implements AutoCloseable {
  private final CacheSettings settings;

  public TitanCaches(CacheSettings settings) {
    this.settings = settings;
  }

  /**
   * The cache of {@code resource} for the given scope (environment and tenant).
   *
   * @param resource a resource name such as {@code "crm.customers"}
   * @param scope environment and tenant, part of every key
   */
  public <K, V> ResourceCache<K, V> cache(String resource, String scope, Class<K> idType,
      Class<V> valueType) {
    return new ResourceCache<K, V>() {
      @Override
      public Optional<V> get(K id, Supplier<Optional<V>> loader) {
        return loader.get();
      }

      @Override
      public void put(K id, V value) {}

      @Override
      public void evict(K id) {}

      @Override
      public void evictAll() {}

      @Override
      public boolean isEnabled() {
        return false;
      }
    };
  }

  public CacheSettings settings() {
    return settings;
  }

  public CacheStatistics statistics() {
    return new CacheStatistics(Map.of());
  }

  @Override
  public void close() {}
}
