package dev.titanj.core.internal.cache;

import dev.titanj.core.internal.ResourceCache;
import java.util.Optional;
import java.util.function.Supplier;

/** The cache of a resource that is not cached: every read goes to the loader. */
public final class DisabledResourceCache<K, V> implements ResourceCache<K, V> {
  private static final DisabledResourceCache<?, ?> INSTANCE = new DisabledResourceCache<>();

  private DisabledResourceCache() {}

  @SuppressWarnings("unchecked")
  public static <K, V> ResourceCache<K, V> instance() {
    return (ResourceCache<K, V>) INSTANCE;
  }

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
}
