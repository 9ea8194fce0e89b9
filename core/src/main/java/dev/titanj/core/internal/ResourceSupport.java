package dev.titanj.core.internal;

import dev.titanj.core.NotFoundException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import retrofit2.Call;

/**
 * The shared behaviour of generated repositories for one resource: cached reads by id, batched
 * reads of many ids, and cache eviction after writes.
 *
 * @param <K> the id type ({@code Long} or {@code UUID})
 * @param <V> the record type
 */
public final class ResourceSupport<K, V> {
  /** Most ids one {@code ids} request carries. */
  public static final int BATCH = 50;

  private final TitanContext context;
  private final String resource;
  private final ResourceCache<K, V> cache;
  private final Function<V, K> idOf;

  public ResourceSupport(TitanContext context, String resource, Class<K> idType,
      Class<V> valueType, Function<V, K> idOf) {
    this.context = Objects.requireNonNull(context, "context");
    this.resource = Objects.requireNonNull(resource, "resource");
    this.cache = context.cache(resource, idType, valueType);
    this.idOf = Objects.requireNonNull(idOf, "idOf");
  }

  public TitanContext context() {
    return context;
  }

  /** The resource name, such as {@code crm.customers}. */
  public String resource() {
    return resource;
  }

  /** Reads one record through the cache; a 404 from {@code call} is an empty result. */
  public Optional<V> findById(K id, Supplier<Call<V>> call) {
    requireId(id);
    return cache.get(id, () -> context.executeOrEmptyOn404(call.get()));
  }

  /**
   * Reads one record through the cache with a custom loader, for resources that have no
   * get-by-id endpoint and are read through {@code ?ids=}.
   */
  public Optional<V> findByIdWith(K id, Supplier<Optional<V>> loader) {
    requireId(id);
    return cache.get(id, loader);
  }

  /** Reads one record; a missing one is a {@link NotFoundException}. */
  public V getById(K id, Supplier<Call<V>> call) {
    return findById(id, call).orElseThrow(() -> new NotFoundException(
        resource + " " + id + " was not found", null, null, null));
  }

  /**
   * Reads many records by id in batches of {@link #BATCH}: input order kept, duplicates read
   * once, missing ids simply absent.
   *
   * @param fetchBatch fetches up to 50 ids with one request
   */
  public List<V> findAllById(Collection<K> ids, Function<List<K>, List<V>> fetchBatch) {
    if (ids == null) {
      throw new IllegalArgumentException("ids must not be null");
    }
    List<K> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
    if (distinct.contains(null)) {
      throw new IllegalArgumentException("ids must not contain null");
    }
    Map<K, V> found = new LinkedHashMap<>();
    for (int i = 0; i < distinct.size(); i += BATCH) {
      List<K> batch = distinct.subList(i, Math.min(distinct.size(), i + BATCH));
      for (V v : fetchBatch.apply(batch)) {
        K id = idOf.apply(v);
        found.put(id, v);
        cache.put(id, v);
      }
    }
    List<V> out = new ArrayList<>(found.size());
    for (K id : distinct) {
      V v = found.get(id);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /** Forgets {@code id} in the cache; call after a write to it. */
  public void evict(K id) {
    cache.evict(id);
  }

  /** Forgets every cached record of this resource; call after bulk writes. */
  public void evictAll() {
    cache.evictAll();
  }

  private static void requireId(Object id) {
    if (id == null) {
      throw new IllegalArgumentException("id must not be null");
    }
    if (id instanceof Long && (Long) id <= 0) {
      throw new IllegalArgumentException("id must be positive, was " + id);
    }
    if (id instanceof Integer && (Integer) id <= 0) {
      throw new IllegalArgumentException("id must be positive, was " + id);
    }
  }
}
