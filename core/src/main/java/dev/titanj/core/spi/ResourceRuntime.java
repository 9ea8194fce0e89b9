package dev.titanj.core.spi;

import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.ListQuery;
import dev.titanj.core.NotFoundException;
import dev.titanj.core.Page;
import dev.titanj.core.QueryParams;
import dev.titanj.core.ResourceDescriptor;
import dev.titanj.core.ResourceKey;
import dev.titanj.core.internal.Paging;
import dev.titanj.core.internal.ResourceCache;
import dev.titanj.core.internal.TitanContext;
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
import java.util.stream.Stream;
import retrofit2.Call;

/**
 * The shared machinery behind one generated repository: reads by id through the cache, batched
 * reads, paged lists, export feeds, writes that evict, and the error mapping of every call. Each
 * generated repository method is one call into this class, so all of it is written and tested
 * once, here.
 *
 * @param <T> the record type
 * @param <K> the id type
 */
public final class ResourceRuntime<T, K> {
  /** Most ids one {@code ids=} request carries. */
  public static final int BATCH = 50;

  private final TitanContext context;
  private final ResourceDescriptor<T, K> descriptor;
  /** Opened on first use: a client that never reads this resource never opens a cache for it. */
  private volatile ResourceCache<K, T> cache;
  private final Function<T, K> idOf;

  ResourceRuntime(TitanContext context, ResourceDescriptor<T, K> descriptor, Function<T, K> idOf) {
    this.context = Objects.requireNonNull(context, "context");
    this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
    this.idOf = idOf;
  }

  /** The resource's cache, per the client's cache settings; opened on first use. */
  private ResourceCache<K, T> cache() {
    ResourceCache<K, T> c = cache;
    if (c == null) {
      synchronized (this) {
        c = cache;
        if (c == null) {
          c = context.cache(descriptor, idOf != null);
          cache = c;
        }
      }
    }
    return c;
  }

  /** The resource's key. */
  public ResourceKey<T, K> key() {
    return descriptor.key();
  }

  /** The tenant id calls are sent for (the {@code {tenant}} path parameter). */
  public long tenant() {
    return context.tenantId();
  }

  // ---- reads by id ----

  /** Reads one record, through the cache; empty on 404. */
  public Optional<T> find(K id, Supplier<Call<T>> call) {
    requireId(id);
    return cache().get(id, () -> context.executeOrEmptyOn404(call.get()));
  }

  /** {@code record}'s value; when empty, a {@link NotFoundException} naming the resource and id. */
  public T found(K id, Optional<T> record) {
    return record.orElseThrow(() -> notFound(id));
  }

  /** Reads one record through {@code loader} (a list filtered by id), through the cache. */
  public Optional<T> findVia(K id, Supplier<Optional<T>> loader) {
    requireId(id);
    return cache().get(id, loader);
  }


  /** Reads one record bypassing the cache (the answer depends on extra parameters). */
  public Optional<T> findUncached(K id, Supplier<Call<T>> call) {
    requireId(id);
    return context.executeOrEmptyOn404(call.get());
  }


  /**
   * Finds a record by scanning {@code all} (for small reference data whose API has neither a
   * read by id nor an {@code ids} filter), through the cache.
   */
  public Optional<T> scan(K id, Supplier<ListQuery<T, ?>> all) {
    return findVia(id, () -> {
      try (Stream<T> s = all.get().pageSize(all.get().maxPageSize()).stream()) {
        return s.filter(x -> Objects.equals(idOf.apply(x), id)).findFirst();
      }
    });
  }

  /**
   * Reads many records, {@value #BATCH} ids per request through {@code batchQuery} (the list
   * filtered by those ids): input order kept, duplicates read once, missing ids left out, cached
   * records not requested again.
   */
  public List<T> findAll(Collection<K> ids, Function<List<K>, ListQuery<T, ?>> batchQuery) {
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
    Map<K, T> found = new HashMap<>();
    List<K> toFetch = new ArrayList<>();
    for (K id : distinct) {
      Optional<T> hit = cache().isEnabled() ? cache().getIfPresent(id) : Optional.empty();
      if (hit.isPresent()) {
        found.put(id, hit.get());
      } else {
        toFetch.add(id);
      }
    }
    for (int i = 0; i < toFetch.size(); i += BATCH) {
      List<K> batch = List.copyOf(toFetch.subList(i, Math.min(toFetch.size(), i + BATCH)));
      long epoch = cache().epoch();
      for (T v : batchQuery.apply(batch).pageSize(batch.size()).page(1).items()) {
        K id = idOf.apply(v);
        if (batch.contains(id)) {
          found.put(id, v);
          cache().putIfUnchanged(id, v, epoch);
        }
      }
    }
    List<T> out = new ArrayList<>(found.size());
    for (K id : distinct) {
      T v = found.get(id);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  // ---- lists and feeds ----

  /**
   * The state of a query over a paged list {@code {page, pageSize, hasMore, totalCount, data}};
   * {@code call} gets the filters plus {@code page}, {@code pageSize} and {@code includeTotal}.
   */
  public <E> QueryState<E> pages(Function<QueryParams, Call<PagedResponse<E>>> call,
      int maxPageSize) {
    Objects.requireNonNull(call, "call");
    PageSource<E> source = (params, page, pageSize, includeTotal) -> {
      PagedResponse<E> r = context.execute(call.apply(paging(params, page, pageSize,
          includeTotal)));
      return r == null ? new Page<>(List.of(), page, pageSize, false, null) : r.toPage(page);
    };
    return QueryState.initial(source, maxPageSize, context);
  }

  /**
   * The state of a query over a list answered with bare arrays: paged with {@code page} and
   * {@code pageSize} until a short page; it carries no total.
   */
  public <E> QueryState<E> arrayPages(Function<QueryParams, Call<List<E>>> call, int maxPageSize) {
    Objects.requireNonNull(call, "call");
    return QueryState.initial(Paging.untilShortPage((params, page, pageSize) ->
        context.execute(call.apply(paging(params, page, pageSize, false)))), maxPageSize, context);
  }

  /**
   * The export feed from {@code cursor}: {@code call} gets {@code extra} plus {@code from} and
   * {@code includeRecentChanges}; batches are retried by the client's HTTP layer only.
   */
  public <E> ExportFeed<E> export(ExportCursor cursor, QueryParams extra,
      Function<QueryParams, Call<ExportResponse<E>>> call) {
    Arguments.notNull("cursor", cursor);
    Objects.requireNonNull(call, "call");
    ExportSource<E> source = (from, recent) -> {
      QueryParams q = extra.with("from", from)
          .with("includeRecentChanges", recent ? "true" : null);
      ExportResponse<E> r = context.execute(call.apply(q));
      return (r == null ? new ExportResponse<E>() : r).toBatch(from);
    };
    return context.exportFeed(source, cursor);
  }

  /** {@link #export(ExportCursor, QueryParams, Function)} without extra parameters. */
  public <E> ExportFeed<E> export(ExportCursor cursor,
      Function<QueryParams, Call<ExportResponse<E>>> call) {
    return export(cursor, QueryParams.empty(), call);
  }

  // ---- other calls ----

  /** Runs a call that changes no cached record (a read, or a create). */
  public <R> R call(Supplier<Call<R>> call) {
    return context.execute(call.get());
  }

  /** Runs a write on record {@code id}, then evicts that record from the cache. */
  public <R> R write(K id, Supplier<Call<R>> call) {
    requireId(id);
    try {
      return context.execute(call.get());
    } finally {
      cache().evict(id);
    }
  }

  /** Runs a write that may touch any record of the resource, then empties its cache. */
  public <R> R writeAll(Supplier<Call<R>> call) {
    try {
      return context.execute(call.get());
    } finally {
      cache().evictAll();
    }
  }

  private static QueryParams paging(QueryParams params, int page, int pageSize,
      boolean includeTotal) {
    return params.with("page", Integer.toString(page)).with("pageSize", Integer.toString(pageSize))
        .with("includeTotal", includeTotal ? "true" : null);
  }

  private NotFoundException notFound(K id) {
    return new NotFoundException(descriptor.name() + " " + id + " was not found", null, null,
        null);
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
