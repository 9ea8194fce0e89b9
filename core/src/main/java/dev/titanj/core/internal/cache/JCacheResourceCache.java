package dev.titanj.core.internal.cache;

import dev.titanj.core.internal.ResourceCache;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.cache.Cache;

/**
 * One resource's entries of one scope (environment and tenant) inside a JCache cache shared by
 * every scope of that resource. Keys are {@code scope|resource|id} strings, so entries of
 * different tenants or environments can never be confused, and a distributed provider can key
 * them without custom serialization.
 *
 * <p>Writes and loads race safely: {@link #evict} bumps the epoch before removing, and a loaded
 * value is stored only if the epoch it read before loading is still current after the put (else
 * the put is undone). A read that started before a write therefore never leaves the old value in
 * the cache after the write's eviction.
 */
final class JCacheResourceCache<K, V> implements ResourceCache<K, V> {
  private final Cache<String, Object> cache;
  private final String prefix;
  private final Class<V> valueType;
  private final AtomicLong epoch;
  private final LongAdder hits;
  private final LongAdder misses;

  JCacheResourceCache(Cache<String, Object> cache, String scope, String resource,
      Class<V> valueType, AtomicLong epoch, LongAdder hits, LongAdder misses) {
    this.cache = cache;
    this.prefix = scope + "|" + resource + "|";
    this.valueType = valueType;
    this.epoch = epoch;
    this.hits = hits;
    this.misses = misses;
  }

  String key(K id) {
    return prefix + Objects.requireNonNull(id, "id");
  }

  @Override
  public Optional<V> get(K id, Supplier<Optional<V>> loader) {
    Optional<V> cached = lookup(id);
    if (cached.isPresent()) {
      hits.increment();
      return cached;
    }
    misses.increment();
    long before = epoch.get();
    Optional<V> loaded = loader.get();
    loaded.ifPresent(v -> putIfUnchanged(id, v, before));
    return loaded;
  }

  @Override
  public Optional<V> getIfPresent(K id) {
    Optional<V> cached = lookup(id);
    (cached.isPresent() ? hits : misses).increment();
    return cached;
  }

  private Optional<V> lookup(K id) {
    Object v = cache.get(key(id));
    return valueType.isInstance(v) ? Optional.of(valueType.cast(v)) : Optional.empty();
  }

  @Override
  public void put(K id, V value) {
    cache.put(key(id), Objects.requireNonNull(value, "value"));
  }

  @Override
  public long epoch() {
    return epoch.get();
  }

  @Override
  public void putIfUnchanged(K id, V value, long expected) {
    if (epoch.get() != expected) {
      return;
    }
    String key = key(id);
    cache.put(key, Objects.requireNonNull(value, "value"));
    if (epoch.get() != expected) {
      cache.remove(key); // an eviction overlapped the put: do not keep what it may have missed
    }
  }

  @Override
  public void evict(K id) {
    epoch.incrementAndGet();
    cache.remove(key(id));
  }

  @Override
  public void evictAll() {
    epoch.incrementAndGet();
    Set<String> mine = new HashSet<>();
    for (Cache.Entry<String, Object> e : cache) {
      if (e.getKey().startsWith(prefix)) {
        mine.add(e.getKey());
      }
    }
    cache.removeAll(mine);
  }

  @Override
  public boolean isEnabled() {
    return true;
  }

  @Override
  public String toString() {
    return "ResourceCache{" + cache.getName() + "}";
  }
}
