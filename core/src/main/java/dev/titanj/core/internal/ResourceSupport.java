package dev.titanj.core.internal;

import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.NotFoundException;
import dev.titanj.core.Page;
import dev.titanj.core.QueryParams;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import retrofit2.Call;

/**
 * The shared behaviour of generated repositories for one resource: cached reads by id, batched
 * reads of many ids, cache eviction after writes, and the wiring of queries and export feeds to
 * the client's executor and sleeper.
 *
 * <p>Caching rules: only successful reads are stored; a 404 ({@code findById} returning empty)
 * and every error are never cached, so the next read asks the API again. Every write made through
 * {@link #write} evicts the record it touched, even when the write fails (it may have been
 * applied).
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

  /** This resource's cache for this client (a pass-through when it is not cached). */
  public ResourceCache<K, V> cache() {
    return cache;
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
   * Reads one record straight from the API, neither from nor into the cache; a 404 is an empty
   * result. For reads whose extra query parameters change the answer (such as
   * {@code externalDataApplicationGuid}), which a cache keyed by id must not mix up.
   */
  public Optional<V> findByIdUncached(K id, Supplier<Call<V>> call) {
    requireId(id);
    return context.executeOrEmptyOn404(call.get());
  }

  /** Like {@link #findByIdUncached}, but a missing record is a {@link NotFoundException}. */
  public V getByIdUncached(K id, Supplier<Call<V>> call) {
    return findByIdUncached(id, call).orElseThrow(() -> new NotFoundException(
        resource + " " + id + " was not found", null, null, null));
  }

  /**
   * Reads many records by id: cached ones from the cache, the rest in batches of {@link #BATCH}
   * ids per request. Input order kept, duplicates read once, missing ids simply absent.
   *
   * @param fetchBatch fetches up to 50 ids with one request
   */
  public List<V> findAllById(Collection<K> ids, Function<List<K>, List<V>> fetchBatch) {
    if (ids == null) {
      throw new IllegalArgumentException("ids must not be null");
    }
    List<K> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
    for (K id : distinct) {
      if (id == null) {
        throw new IllegalArgumentException("ids must not contain null");
      }
      requireId(id);
    }
    Map<K, V> found = new HashMap<>();
    List<K> toFetch = new ArrayList<>();
    for (K id : distinct) {
      Optional<V> hit = cache.isEnabled() ? cache.getIfPresent(id) : Optional.empty();
      if (hit.isPresent()) {
        found.put(id, hit.get());
      } else {
        toFetch.add(id);
      }
    }
    for (int i = 0; i < toFetch.size(); i += BATCH) {
      List<K> batch = List.copyOf(toFetch.subList(i, Math.min(toFetch.size(), i + BATCH)));
      long epoch = cache.epoch();
      List<V> got = fetchBatch.apply(batch);
      for (V v : got == null ? List.<V>of() : got) {
        K id = idOf.apply(v);
        if (batch.contains(id)) {
          found.put(id, v);
          cache.putIfUnchanged(id, v, epoch);
        }
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

  /**
   * Executes a write to record {@code id} and evicts it from the cache afterwards, also when the
   * write fails (its effect may be unknown).
   */
  public <R> R write(K id, Supplier<Call<R>> call) {
    requireId(id);
    try {
      return context.execute(call.get());
    } finally {
      evict(id);
    }
  }

  /**
   * Executes a write that touches many records (or creates one) and evicts this resource's whole
   * cache for this client afterwards.
   */
  public <R> R writeAll(Supplier<Call<R>> call) {
    try {
      return context.execute(call.get());
    } finally {
      evictAll();
    }
  }

  /** Forgets {@code id} in the cache; call after a write to it. */
  public void evict(K id) {
    cache.evict(id);
  }

  /** Forgets every cached record of this resource; call after bulk writes. */
  public void evictAll() {
    cache.evictAll();
  }

  /**
   * The starting state of a list query over {@code source}, wired to this client's paging
   * executor and sleeper.
   */
  public QueryState<V> query(PageSource<V> source, int maxPageSize) {
    return QueryState.initial(source, maxPageSize, context);
  }

  /**
   * A page source over a Retrofit list call: one request per page, the envelope turned into a
   * {@link Page}.
   */
  public PageSource<V> pages(PageCall<V> call) {
    Objects.requireNonNull(call, "call");
    return (params, page, pageSize, includeTotal) -> {
      PagedResponse<V> r = context.execute(call.call(params, page, pageSize, includeTotal));
      return r == null ? new Page<>(List.of(), page, pageSize, false, null) : r.toPage(page);
    };
  }

  /**
   * An export feed over a Retrofit export call starting at {@code start}; a batch that fails
   * transiently is retried with the same {@code from} by the client's retry policy (see
   * {@link TitanContext#exportFeed}).
   */
  public ExportFeed<V> export(ExportCall<V> call, ExportCursor start) {
    Objects.requireNonNull(call, "call");
    ExportSource<V> source = (from, recent) -> {
      ExportResponse<V> r = context.execute(call.call(from, recent));
      return r == null ? new ExportResponse<V>().toBatch(from) : r.toBatch(from);
    };
    return context.exportFeed(source, start);
  }

  /** One Retrofit call per page of a list endpoint. */
  @FunctionalInterface
  public interface PageCall<T> {
    Call<PagedResponse<T>> call(QueryParams params, int page, int pageSize, boolean includeTotal);
  }

  /** One Retrofit call per batch of an export endpoint. */
  @FunctionalInterface
  public interface ExportCall<T> {
    Call<ExportResponse<T>> call(String from, boolean includeRecentChanges);
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
