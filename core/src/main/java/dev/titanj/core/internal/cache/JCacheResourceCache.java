package dev.titanj.core.internal.cache;

import dev.titanj.core.internal.ResourceCache;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.cache.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>When the cache is shared with other processes (any provider but the embedded Ehcache), the
 * epoch lives in the cache too, as a random value under {@code ~epoch|scope|resource|} that every
 * eviction replaces: a load in one instance that overlapped a write in another is then not kept
 * either, so a write through instance A never leaves the old record in B's cache.
 *
 * <p>Loads are single-flight: concurrent misses on the same key share one loader call (and its
 * result or failure), unless the running load started before an eviction.
 */
final class JCacheResourceCache<K, V> implements ResourceCache<K, V> {
  private final Cache<String, Object> cache;
  private final String prefix;
  private final Class<V> valueType;
  private final AtomicLong epoch;
  private final LongAdder hits;
  private final LongAdder misses;
  private final ConcurrentMap<String, Flight> loading;
  private final ValueCodec codec;
  private final String sharedEpochKey; // null when the cache is this process's alone
  private static final long UNKNOWN_EPOCH = Long.MIN_VALUE;
  private static final Logger log = LoggerFactory.getLogger("dev.titanj.cache");

  JCacheResourceCache(Cache<String, Object> cache, String scope, String resource,
      Class<V> valueType, AtomicLong epoch, LongAdder hits, LongAdder misses,
      ConcurrentMap<String, Flight> loading, ValueCodec codec, boolean shared) {
    this.sharedEpochKey = shared ? "~epoch|" + scope + "|" + resource + "|" : null;
    this.loading = loading;
    this.codec = codec;
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
    String key = key(id);
    long before = epoch();
    Flight mine = new Flight(before);
    Flight running = loading.putIfAbsent(key, mine);
    if (running != null && running.epoch == before) {
      return join(running);
    }
    if (running != null) {
      mine = null; // an older load predates a write: do not share it, load afresh
    }
    try {
      Optional<V> loaded = loader.get();
      loaded.ifPresent(v -> putIfUnchanged(id, v, before));
      if (mine != null) {
        mine.result.complete(loaded.map(v -> (Object) v));
      }
      return loaded;
    } catch (RuntimeException | Error e) {
      if (mine != null) {
        mine.result.completeExceptionally(e);
      }
      throw e;
    } finally {
      if (mine != null) {
        loading.remove(key, mine);
      }
    }
  }

  private Optional<V> join(Flight flight) {
    try {
      return flight.result.join().map(valueType::cast);
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw e;
    }
  }

  /** One load in progress; concurrent readers of the same key started at the same epoch share it. */
  static final class Flight {
    final long epoch;
    final CompletableFuture<Optional<Object>> result = new CompletableFuture<>();

    Flight(long epoch) {
      this.epoch = epoch;
    }
  }

  @Override
  public Optional<V> getIfPresent(K id) {
    Optional<V> cached = lookup(id);
    (cached.isPresent() ? hits : misses).increment();
    return cached;
  }

  private Optional<V> lookup(K id) {
    Object raw;
    try {
      raw = cache.get(key(id));
    } catch (RuntimeException e) {
      unavailable("read", e);
      return Optional.empty(); // a cache that cannot be reached is a miss
    }
    Object v = raw == null ? null : codec.decode(raw);
    return valueType.isInstance(v) ? Optional.of(valueType.cast(v)) : Optional.empty();
  }

  @Override
  public void put(K id, V value) {
    Object encoded = codec.encode(Objects.requireNonNull(value, "value"));
    try {
      cache.put(key(id), encoded);
    } catch (RuntimeException e) {
      unavailable("store", e);
    }
  }

  @Override
  public long epoch() {
    if (sharedEpochKey == null) {
      return epoch.get();
    }
    Object shared;
    try {
      shared = cache.get(sharedEpochKey);
    } catch (RuntimeException e) {
      unavailable("read", e);
      return UNKNOWN_EPOCH;
    }
    try {
      return shared instanceof String ? Long.parseLong((String) shared) : 0L;
    } catch (NumberFormatException e) {
      return -1L;
    }
  }

  @Override
  public void putIfUnchanged(K id, V value, long expected) {
    if (expected == UNKNOWN_EPOCH || epoch() != expected) {
      return;
    }
    String key = key(id);
    Object encoded = codec.encode(Objects.requireNonNull(value, "value"));
    try {
      cache.put(key, encoded);
      if (epoch() != expected) {
        cache.remove(key); // an eviction overlapped the put: do not keep what it may have missed
      }
    } catch (RuntimeException e) {
      unavailable("store", e);
    }
  }

  /** Marks an eviction: locally, and for other processes when the cache is shared. */
  private void bumpEpoch() {
    epoch.incrementAndGet();
    if (sharedEpochKey != null) {
      long next;
      do {
        next = ThreadLocalRandom.current().nextLong();
      } while (next == 0L || next == -1L || next == UNKNOWN_EPOCH);
      cache.put(sharedEpochKey, Long.toString(next));
    }
  }

  @Override
  public void evict(K id) {
    try {
      bumpEpoch();
      cache.remove(key(id));
    } catch (RuntimeException e) {
      evictionFailed(e);
    }
  }

  @Override
  public void evictAll() {
    try {
      bumpEpoch();
      removeAllOfScope();
    } catch (RuntimeException e) {
      evictionFailed(e);
    }
  }

  private void removeAllOfScope() {
    Set<String> mine = new HashSet<>();
    for (Cache.Entry<String, Object> e : cache) {
      if (e.getKey().startsWith(prefix)) {
        mine.add(e.getKey());
      }
    }
    cache.removeAll(mine);
  }

  private void unavailable(String what, RuntimeException e) {
    log.debug("cache {} could not {} an entry ({}); going to the API", cache.getName(), what,
        e.getClass().getName());
  }

  /** The write itself succeeded; the cache could not be told. Other instances may keep the old
   * record until its TTL ends. */
  private void evictionFailed(RuntimeException e) {
    log.warn("cache {} could not evict after a write ({}); entries may be served until their TTL "
        + "ends", cache.getName(), e.getClass().getName());
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
