package dev.titanj.core.internal;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The read-through cache of one resource for one client (environment and tenant are part of every
 * key). When the resource is not cached, every read goes straight to the loader. Only present
 * results are stored: a loader that returns empty (a 404) or throws leaves nothing behind.
 *
 * @param <K> the id type
 * @param <V> the record type
 */
public interface ResourceCache<K, V> {

  /**
   * The cached record for {@code id} (a hit), or the loader's result (a miss; cached when present
   * and no eviction of this resource happened while it loaded).
   */
  Optional<V> get(K id, Supplier<Optional<V>> loader);

  /** Stores a record read another way (for example from an {@code ids} batch). */
  void put(K id, V value);

  /** Forgets {@code id}; called after every write to it. */
  void evict(K id);

  /** Forgets every entry of this resource for this client; called after bulk writes. */
  void evictAll();

  /** Whether this resource is cached at all. */
  boolean isEnabled();

  /** The cached record for {@code id} without loading; counts a hit or a miss when enabled. */
  default Optional<V> getIfPresent(K id) {
    return Optional.empty();
  }

  /**
   * A counter that changes on every eviction of this resource and scope; read it before loading
   * and pass it to {@link #putIfUnchanged} so a load that raced with a write is not cached.
   */
  default long epoch() {
    return 0;
  }

  /** Stores {@code value} unless an eviction happened since {@code epoch} was read. */
  default void putIfUnchanged(K id, V value, long epoch) {
    put(id, value);
  }
}
