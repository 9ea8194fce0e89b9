package dev.titanj.core;

import com.squareup.moshi.JsonAdapter;
import dev.titanj.core.internal.RecordIds;
import dev.titanj.core.json.TitanJson;
import dev.titanj.core.json.TitanRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A unit of work over one client ({@link ServiceTitan#openSession()}): an identity map (one
 * instance per resource and id), batched loading of {@link Reference references} and change
 * tracking. Loading the customers of 2,000 invoices that name 300 customers costs
 * {@code ceil(300 / 50) = 6} requests, not 2,000; a session opened over {@link LocalRecords} (a
 * replica) reads what they hold first. Thread-safe; close it when done.
 *
 * <pre>{@code
 * try (TitanSession session = st.openSession()) {
 *   List<Invoice> invoices = Accounting.of(st).invoices().query().limit(2_000).toList();
 *   Map<Long, Customer> owners = session.load(Invoice.CUSTOMER, invoices);
 * }
 * }</pre>
 */
public final class TitanSession implements AutoCloseable {
  /** Ids per read: ServiceTitan's {@code ids} filter takes at most 50. */
  static final int BATCH = ListQuery.MAX_IDS;
  /** Batched reads of one {@link #load} in flight at once (the client's rate limit still applies). */
  static final int CONCURRENCY = 4;
  /** Records of an export feed handled per include step. */
  static final int FEED_CHUNK = 500;
  private static final Object MISSING = new Object();

  private final ServiceTitan client;
  private final ExecutorService executor;
  private final LocalRecords local;
  private volatile ResourceCatalog catalog;
  private final Map<String, Map<Object, Object>> identity = new ConcurrentHashMap<>();
  private final Map<String, Map<Object, Object>> pending = new LinkedHashMap<>();
  private volatile boolean closed;

  TitanSession(ServiceTitan client, ExecutorService executor, LocalRecords local) {
    this.client = client;
    this.executor = executor;
    this.local = local;
  }

  /**
   * The records {@code reference} points at from {@code sources}, by id, in the order the ids
   * first appear; ids with no record are left out. Records already in the session are not read
   * again; the others are read 50 ids per request, a few requests at a time.
   *
   * @throws IllegalStateException when the target resource's module is not installed (naming the
   *     artifact to add) or cannot be read by id
   */
  public <S, K, T> Map<K, T> load(Reference<S, K, T> reference, Collection<? extends S> sources) {
    requireOpen();
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(sources, "sources");
    Set<K> ids = new LinkedHashSet<>();
    for (S s : sources) {
      ids.addAll(reference.idsOf(s));
    }
    ReadRepository<T, K> repo = readable(reference);
    Map<Object, Object> map = records(reference.target());
    List<K> missing = ids.stream().filter(id -> !map.containsKey(id)).toList();
    fetch(repo, map, missing);
    Map<K, T> out = new LinkedHashMap<>();
    for (K id : ids) {
      Object r = map.get(id);
      if (r != null && r != MISSING) {
        @SuppressWarnings("unchecked")
        T t = (T) r;
        out.put(id, t);
      }
    }
    return out;
  }

  /** The record {@code reference} points at from {@code source}: from the session, else read. */
  public <S, K, T> Optional<T> get(Reference<S, K, T> reference, S source) {
    List<K> ids = Objects.requireNonNull(reference, "reference").idsOf(source);
    if (ids.isEmpty()) {
      requireOpen();
      return Optional.empty();
    }
    return Optional.ofNullable(load(reference, List.of(source)).get(ids.get(0)));
  }

  /**
   * The records that point at each of {@code targets} through {@code reverse}, such as the
   * locations of each customer ({@code session.loadMany(Customer.LOCATIONS, customers)}): every
   * target's id in the order the targets come (duplicates once), each with its sources in the
   * order the API answered them (empty when none). The sources join the identity map, so a
   * record already in the session is returned as that instance.
   *
   * <p>Requests: for a filter of a list of ids ({@link Reverse.Kind#BY_IDS}) one query per 50
   * targets; for a filter of one id ({@link Reverse.Kind#BY_ID}) one query per target. Each query
   * reads all its pages at the endpoint's largest page size; at most four queries are in flight
   * at once, within the client's rate limit. Each call queries again: reverse links are not
   * remembered, since other records may have come to point at a target.
   *
   * @throws IllegalArgumentException when a target has no id
   */
  public <T, K, S> Map<K, List<S>> loadMany(Reverse<T, K, S> reverse,
      Collection<? extends T> targets) {
    requireOpen();
    Objects.requireNonNull(reverse, "reverse");
    Objects.requireNonNull(targets, "targets");
    Class<K> idType = reverse.forward().idType();
    Set<K> ids = new LinkedHashSet<>();
    for (T t : targets) {
      Object id = RecordIds.idOf(Objects.requireNonNull(t, "target")).orElseThrow(
          () -> new IllegalArgumentException("targets: a " + reverse.targetType().getSimpleName()
              + " without an id has no " + reverse.name()));
      ids.add(idType.cast(id));
    }
    Map<K, List<S>> groups = new LinkedHashMap<>();
    Map<K, Set<S>> seen = new java.util.HashMap<>();
    for (K id : ids) {
      groups.put(id, new ArrayList<>());
      seen.put(id, Collections.newSetFromMap(new IdentityHashMap<>()));
    }
    List<K> all = new ArrayList<>(ids);
    List<List<K>> keys = new ArrayList<>();
    List<ListQuery<S, ?>> queries = new ArrayList<>();
    if (reverse.kind() == Reverse.Kind.BY_ID) {
      for (K id : all) {
        keys.add(List.of(id));
        queries.add(reverse.query(client, id));
      }
    } else {
      for (int i = 0; i < all.size(); i += BATCH) {
        List<K> batch = List.copyOf(all.subList(i, Math.min(all.size(), i + BATCH)));
        keys.add(batch);
        queries.add(reverse.query(client, batch));
      }
    }
    List<Callable<List<S>>> tasks = new ArrayList<>();
    for (ListQuery<S, ?> q : queries) {
      // Sequential pages: the paging threads run these queries, so none waits on a prefetch.
      ListQuery<S, ?> all1 = q.pageSize(q.maxPageSize()).prefetch(false);
      tasks.add(all1::toList);
    }
    List<List<S>> results = bounded(tasks);
    Map<Object, Object> map = records(reverse.source());
    for (int i = 0; i < results.size(); i++) {
      List<K> asked = keys.get(i);
      for (S s : results.get(i)) {
        S canonical = keep(map, s);
        List<K> owners = reverse.kind() == Reverse.Kind.BY_ID ? asked
            : reverse.forward().idsOf(canonical);
        for (K owner : owners) {
          Set<S> in = seen.get(owner);
          if (in != null && in.add(canonical)) {
            groups.get(owner).add(canonical);
          }
        }
      }
    }
    Map<K, List<S>> out = new LinkedHashMap<>();
    groups.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }

  /** The record of {@code key} with {@code id}: from the session, else read (and kept). */
  public <T, K> Optional<T> find(ResourceKey<T, K> key, K id) {
    requireOpen();
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(id, "id");
    Map<Object, Object> map = records(key.name());
    if (!map.containsKey(id) && local != null) {
      T held = local.findAll(key, List.of(id)).get(id);
      if (held != null) {
        map.putIfAbsent(id, held);
      }
    }
    if (!map.containsKey(id)) {
      ReadRepository<T, K> repo = readable(key.name(), "titanj-" + key.area(), key.toString());
      Optional<T> read = repo.findById(id);
      map.putIfAbsent(id, read.<Object>map(r -> r).orElse(MISSING));
    }
    Object r = map.get(id);
    @SuppressWarnings("unchecked")
    T t = r == MISSING ? null : (T) r;
    return Optional.ofNullable(t);
  }

  /**
   * {@code query}'s records, lazily, with the records of {@code includes} loaded a page at a
   * time before the page's records are handed out: one batched request per page and reference
   * (per 50 distinct ids), never one per record; memory stays bounded by the page. Close the
   * stream to stop early.
   */
  @SafeVarargs
  public final <S> Stream<S> stream(ListQuery<S, ?> query, Reference<S, ?, ?>... includes) {
    Objects.requireNonNull(query, "query");
    Stream<S> records = query.stream();
    return chunked(records, query.queryState().streamPageSize(), includes);
  }

  /** As {@link #stream(ListQuery, Reference[])} for an export feed, 500 records at a time. */
  @SafeVarargs
  public final <S> Stream<S> stream(ExportFeed<S> feed, Reference<S, ?, ?>... includes) {
    Objects.requireNonNull(feed, "feed");
    return chunked(feed.stream(), FEED_CHUNK, includes);
  }

  /**
   * Records {@code modified} as the new state of record {@code id}, which must have been loaded
   * in this session; nothing is sent before {@link #flush()}.
   *
   * @throws IllegalStateException when the record was not loaded in this session, or its
   *     resource has no update by id
   */
  public <T, K> void update(ResourceKey<T, K> key, K id, T modified) {
    requireOpen();
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(modified, "modified");
    Object loaded = records(key.name()).get(id);
    if (loaded == null || loaded == MISSING) {
      throw new IllegalStateException(key + " " + id + " was not loaded in this session: read it"
          + " with session.find(" + key + ", " + id + ") or load it through a reference first");
    }
    updatable(key);
    synchronized (pending) {
      pending.computeIfAbsent(key.name(), k -> new LinkedHashMap<>()).put(id, modified);
    }
  }

  /** What {@link #flush()} would send, without sending anything (a dry run). */
  public List<Change> plan() {
    requireOpen();
    return planned(false).stream().map(Planned::change).toList();
  }

  /**
   * Sends one update per changed record, with only the fields that changed; a record whose copy
   * equals what was loaded sends nothing. A record whose update failed stays pending and keeps
   * its loaded state; the others are then the session's state of those records. The same as
   * {@code flush(FlushOptions.defaults())}.
   */
  public FlushReport flush() {
    return flush(FlushOptions.defaults());
  }

  /**
   * {@link #flush()} with {@code options}. With {@link FlushOptions#checkStale()}, each changed
   * record is first read again from the server (one request, past the client's cache); when its
   * {@code modifiedOn} is not the one the session loaded, or the record is gone, the change is
   * refused: nothing is sent for it, its outcome is {@link StaleCheck#STALE} with a
   * {@link StaleRecordException}, and it stays pending. A record without a {@code modifiedOn}
   * (its type has none, or the loaded copy did not carry one) cannot be checked: it is sent and
   * its outcome says {@link StaleCheck#UNAVAILABLE}.
   *
   * <p>A sent record keeps, in the session, the {@code modifiedOn} it was loaded with (an update
   * answers no record), so a second checked update of it in the same session is refused as
   * stale: read it in a new session to change it again with the check.
   */
  public FlushReport flush(FlushOptions options) {
    requireOpen();
    Objects.requireNonNull(options, "options");
    List<Outcome> outcomes = new ArrayList<>();
    for (Planned p : planned(true)) {
      StaleCheck check = StaleCheck.NOT_ASKED;
      try {
        if (options.staleCheck()) {
          Checked c = staleCheck(p.change());
          check = c.result();
          if (check == StaleCheck.STALE) {
            throw new StaleRecordException(p.change().resource() + " " + p.change().id()
                + " changed on the server since this session loaded it (modifiedOn "
                + c.loaded() + " -> " + c.seen() + "): not sent");
          }
        }
        p.send();
        records(p.change().resource()).put(p.change().id(), p.after());
        outcomes.add(new Outcome(p.change(), null, check));
        done(p.change().resource(), p.change().id());
      } catch (TitanException e) {
        outcomes.add(new Outcome(p.change(), e, check));
      }
    }
    return new FlushReport(outcomes);
  }

  /** Forgets every record and pending change; the session cannot be used afterwards. */
  @Override
  public void close() {
    closed = true;
    identity.clear();
    synchronized (pending) {
      pending.clear();
    }
  }

  @Override
  public String toString() {
    return "TitanSession{" + identity.values().stream().mapToInt(Map::size).sum() + " records"
        + (closed ? ", closed" : "") + "}";
  }

  // ---------------------------------------------------------------------------------------------

  /** A stale check's finding, with the loaded and the server's modifiedOn ("gone": deleted). */
  private record Checked(StaleCheck result, Object loaded, String seen) {}

  /** Re-reads the record of {@code change} past the cache and compares its modifiedOn. */
  private Checked staleCheck(Change change) {
    Object loaded = records(change.resource()).get(change.id());
    Optional<Instant> was = RecordIds.modifiedOnOf(loaded);
    if (was.isEmpty()) {
      return new Checked(StaleCheck.UNAVAILABLE, null, null);
    }
    ResourceDescriptor<?, ?> d = descriptor(change.resource(), change.resource());
    @SuppressWarnings("unchecked")
    ResourceDescriptor<Object, Object> any = (ResourceDescriptor<Object, Object>) d;
    client.forgetCached(any, change.id());
    ReadRepository<Object, Object> repo = readable(change.resource(),
        "titanj-" + any.key().area(), change.resource());
    Optional<Object> fresh = repo.findById(change.id());
    Optional<Instant> now = fresh.flatMap(RecordIds::modifiedOnOf);
    return new Checked(fresh.isPresent() && now.equals(was) ? StaleCheck.PASSED : StaleCheck.STALE,
        was.get(), fresh.isEmpty() ? "gone" : String.valueOf(now.orElse(null)));
  }

  /** Runs {@code tasks} on the paging threads, at most {@link #CONCURRENCY} at once, in order. */
  private <R> List<R> bounded(List<Callable<R>> tasks) {
    List<R> out = new ArrayList<>(Collections.nCopies(tasks.size(), null));
    if (tasks.size() == 1) {
      out.set(0, call(tasks.get(0)));
      return out;
    }
    ExecutorCompletionService<Object[]> done = new ExecutorCompletionService<>(executor);
    List<Future<Object[]>> all = new ArrayList<>();
    int next = 0;
    int running = 0;
    int finished = 0;
    while (finished < tasks.size()) {
      while (running < CONCURRENCY && next < tasks.size()) {
        int index = next++;
        Callable<R> task = tasks.get(index);
        try {
          all.add(done.submit(() -> new Object[] {index, task.call()}));
          running++;
        } catch (RejectedExecutionException e) {
          out.set(index, call(task)); // pool full: read here
          finished++;
        }
      }
      if (running == 0) {
        continue;
      }
      Future<Object[]> f;
      try {
        f = done.take();
      } catch (InterruptedException e) {
        all.forEach(x -> x.cancel(true));
        Thread.currentThread().interrupt();
        throw new TitanException("interrupted while loading references", e);
      }
      Object[] r = await(f, all);
      @SuppressWarnings("unchecked")
      R value = (R) r[1];
      out.set((Integer) r[0], value);
      running--;
      finished++;
    }
    return out;
  }

  private static <R> R call(Callable<R> task) {
    try {
      return task.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new TitanException("loading references failed", e);
    }
  }

  /** {@code record}, or the instance the identity map already holds for its id. */
  @SuppressWarnings("unchecked")
  private static <S> S keep(Map<Object, Object> map, S record) {
    Optional<Object> id = RecordIds.idOf(record);
    if (id.isEmpty()) {
      return record;
    }
    Object held = map.compute(id.get(), (k, v) -> v == null || v == MISSING ? record : v);
    return (S) held;
  }

  private <K, T> void fetch(ReadRepository<T, K> repo, Map<Object, Object> map, List<K> wanted) {
    List<K> missing = wanted;
    if (local != null && !missing.isEmpty()) {
      Map<K, T> held = local.findAll(repo.key(), missing);
      held.forEach(map::putIfAbsent);
      missing = missing.stream().filter(id -> !held.containsKey(id)).toList();
    }
    if (missing.isEmpty()) {
      return;
    }
    List<List<K>> batches = new ArrayList<>();
    for (int i = 0; i < missing.size(); i += BATCH) {
      batches.add(missing.subList(i, Math.min(missing.size(), i + BATCH)));
    }
    List<Callable<List<T>>> reads = new ArrayList<>();
    for (List<K> batch : batches) {
      reads.add(() -> repo.findAllById(batch));
    }
    List<List<T>> found = bounded(reads);
    for (int i = 0; i < batches.size(); i++) {
      keep(map, batches.get(i), found.get(i));
    }
  }

  private static <T> T await(Future<T> f, List<? extends Future<?>> all) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      all.forEach(x -> x.cancel(true));
      Thread.currentThread().interrupt();
      throw new TitanException("interrupted while loading references", e);
    } catch (ExecutionException e) {
      all.forEach(x -> x.cancel(true));
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw new TitanException("loading references failed", c);
    }
  }

  private static <K, T> void keep(Map<Object, Object> map, List<K> asked, List<T> found) {
    for (T record : found) {
      RecordIds.idOf(record).ifPresent(id -> map.putIfAbsent(id, record));
    }
    for (K id : asked) {
      map.putIfAbsent(id, MISSING);
    }
  }

  private <S> Stream<S> chunked(Stream<S> records, int size, Reference<S, ?, ?>[] includes) {
    Objects.requireNonNull(includes, "includes");
    for (Reference<S, ?, ?> r : includes) {
      readable(Objects.requireNonNull(r, "include")); // a missing module fails before any request
    }
    Iterator<S> source = records.iterator();
    Iterator<S> pages = new Iterator<>() {
      private Iterator<S> current = List.<S>of().iterator();

      @Override
      public boolean hasNext() {
        if (!current.hasNext() && source.hasNext()) {
          List<S> page = new ArrayList<>(size);
          while (page.size() < size && source.hasNext()) {
            page.add(source.next());
          }
          for (Reference<S, ?, ?> r : includes) {
            load(r, page);
          }
          current = page.iterator();
        }
        return current.hasNext();
      }

      @Override
      public S next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(records::close);
  }

  /** The pending changes that send something; {@code drop} forgets those that send nothing. */
  private List<Planned> planned(boolean drop) {
    List<Planned> out = new ArrayList<>();
    synchronized (pending) {
      for (Map.Entry<String, Map<Object, Object>> resource : pending.entrySet()) {
        Iterator<Map.Entry<Object, Object>> it = resource.getValue().entrySet().iterator();
        while (it.hasNext()) {
          Map.Entry<Object, Object> e = it.next();
          Planned p = plan(resource.getKey(), e.getKey(), e.getValue());
          if (p != null) {
            out.add(p);
          } else if (drop) {
            it.remove();
          }
        }
      }
      if (drop) {
        pending.values().removeIf(Map::isEmpty);
      }
    }
    return out;
  }

  private Planned plan(String resource, Object id, Object after) {
    Object before = records(resource).get(id);
    UpdateRepository<Object, Object, TitanRequest> repo = updatable(resource);
    TitanRequest request = TitanRequest.changes(repo.updateType(), before, after);
    JsonAdapter<TitanRequest> adapter = TitanJson.moshi().adapter(repo.updateType());
    String body = adapter.toJson(request);
    if ("{}".equals(body)) {
      return null;
    }
    return new Planned(new Change(resource, id, body), after, () -> repo.update(id, request));
  }

  private void done(String resource, Object id) {
    synchronized (pending) {
      Map<Object, Object> m = pending.get(resource);
      if (m != null) {
        m.remove(id);
      }
    }
  }

  private record Planned(Change change, Object after, Runnable sender) {
    void send() {
      sender.run();
    }
  }

  private Map<Object, Object> records(String resource) {
    return identity.computeIfAbsent(resource, r -> new ConcurrentHashMap<>());
  }

  private <K, T> ReadRepository<T, K> readable(Reference<?, K, T> reference) {
    return readable(reference.target(), reference.artifact(), reference.toString());
  }

  @SuppressWarnings("unchecked")
  private <K, T> ReadRepository<T, K> readable(String target, String artifact, String what) {
    Repository<?, ?> repo = repository(target, artifact, what);
    if (!(repo instanceof ReadRepository<?, ?> read)) {
      throw new IllegalStateException(what + ": " + target + " cannot be read by id");
    }
    return (ReadRepository<T, K>) read;
  }

  private UpdateRepository<Object, Object, TitanRequest> updatable(ResourceKey<?, ?> key) {
    return updatable(key.name());
  }

  @SuppressWarnings("unchecked")
  private UpdateRepository<Object, Object, TitanRequest> updatable(String resource) {
    Repository<?, ?> repo = repository(resource, "titanj-" + resource.substring(0,
        resource.indexOf('.')), resource);
    if (!(repo instanceof UpdateRepository<?, ?, ?> u)) {
      throw new IllegalStateException(resource + " has no update by id a session can send");
    }
    return (UpdateRepository<Object, Object, TitanRequest>) u;
  }

  private Repository<?, ?> repository(String target, String artifact, String what) {
    return descriptor(target, artifact, what).repositoryOf(client);
  }

  private ResourceDescriptor<?, ?> descriptor(String resource, String what) {
    return descriptor(resource, "titanj-" + resource.substring(0, resource.indexOf('.')), what);
  }

  private ResourceDescriptor<?, ?> descriptor(String target, String artifact, String what) {
    ResourceCatalog c = catalog;
    if (c == null) {
      c = ResourceCatalog.installed();
      catalog = c;
    }
    return c.find(target).orElseThrow(() -> new IllegalStateException(
        what + " points at " + target + ", which no installed module provides: add the"
            + " dependency dev.titanj:" + artifact));
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("this session is closed");
    }
  }

  /**
   * One update {@link #flush()} sends.
   *
   * @param resource the resource name, {@code crm.customers}
   * @param id the record id
   * @param body the JSON body, exactly what is sent: {@code {"name":"Acme & Sons"}}
   */
  public record Change(String resource, Object id, String body) {
    @Override
    public String toString() {
      return "PATCH " + resource + " " + id + " " + body;
    }
  }

  /**
   * What a {@link FlushOptions#checkStale() stale check} found for one change.
   */
  public enum StaleCheck {
    /** The flush did not ask for a check. */
    NOT_ASKED,
    /** The record's {@code modifiedOn} on the server was the one loaded: the change was sent. */
    PASSED,
    /**
     * The record's {@code modifiedOn} moved since it was loaded (or the record is gone): the
     * change was refused and nothing was sent for it.
     */
    STALE,
    /**
     * The record has no {@code modifiedOn} (its type declares none, or the loaded copy carried
     * none), so it could not be checked: the change was sent unchecked.
     */
    UNAVAILABLE
  }

  /**
   * A change a checked flush refused because the record changed on the server since the session
   * loaded it; nothing was sent for it.
   */
  public static final class StaleRecordException extends TitanException {
    private static final long serialVersionUID = 1L;

    StaleRecordException(String message) {
      super(message);
    }
  }

  /**
   * What one change came to: sent, refused as stale or failed with {@code failure}.
   *
   * @param change the change
   * @param failure the failure (a {@link StaleRecordException} when refused as stale), or null
   *     when the update was sent and accepted
   * @param staleCheck what the stale check found, {@link StaleCheck#NOT_ASKED} without one
   */
  public record Outcome(Change change, TitanException failure, StaleCheck staleCheck) {
    /** Checks the arguments. */
    public Outcome {
      Objects.requireNonNull(change, "change");
      Objects.requireNonNull(staleCheck, "staleCheck");
    }

    /** An outcome of a flush without a stale check. */
    public Outcome(Change change, TitanException failure) {
      this(change, failure, StaleCheck.NOT_ASKED);
    }

    /** Whether the server accepted the update. */
    public boolean succeeded() {
      return failure == null;
    }

    /** Whether the change was refused, unsent, because the record changed on the server. */
    public boolean stale() {
      return staleCheck == StaleCheck.STALE;
    }
  }

  /**
   * What a flush did, per changed record.
   *
   * @param outcomes one per change, in the order the records were updated
   */
  public record FlushReport(List<Outcome> outcomes) {
    /** Copies the list. */
    public FlushReport {
      outcomes = List.copyOf(outcomes);
    }

    /** The changes that failed, those refused as stale included. */
    public List<Outcome> failures() {
      return outcomes.stream().filter(o -> !o.succeeded()).toList();
    }

    /** The changes a stale check refused (nothing was sent for them). */
    public List<Outcome> stale() {
      return outcomes.stream().filter(Outcome::stale).toList();
    }
  }
}
