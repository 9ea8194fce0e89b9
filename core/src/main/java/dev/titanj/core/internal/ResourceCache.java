package dev.titanj.core.internal;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The read-through cache of one resource for one client (environment and tenant are part of every
 * key). When the resource is not cached, every read goes straight to the loader.
 *
 * @param <K> the id type
 * @param <V> the record type
 */
public interface ResourceCache<K, V> {

  /** The cached record for {@code id}, or the loader's result (cached when present). */
  Optional<V> get(K id, Supplier<Optional<V>> loader);

  /** Stores a record read another way (for example from an {@code ids} batch). */
  void put(K id, V value);

  /** Forgets {@code id}; called after every write to it. */
  void evict(K id);

  /** Forgets every entry of this resource for this client; called after bulk writes. */
  void evictAll();

  /** Whether this resource is cached at all. */
  boolean isEnabled();
}
