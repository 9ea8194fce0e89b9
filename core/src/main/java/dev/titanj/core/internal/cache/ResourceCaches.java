package dev.titanj.core.internal.cache;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.CacheStatistics;
import dev.titanj.core.internal.ResourceCache;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.cache.Cache;

/** The state behind {@link dev.titanj.core.internal.TitanCaches}. */
public final class ResourceCaches {
  private final CacheSettings settings;
  private final Clock clock;
  private final Object lock = new Object();
  private volatile CacheManagers managers;
  private volatile boolean closed;
  private final ConcurrentHashMap<String, Cache<String, Object>> caches = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder[]> counts = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, AtomicLong> epochs = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ValueCodec> codecs = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, JCacheResourceCache.Flight> loading =
      new ConcurrentHashMap<>();

  /** Told once per resource about its hit and miss counters (for metrics). */
  public interface CounterListener {
    void created(String resource, LongAdder hits, LongAdder misses);
  }

  private final CounterListener counterListener;

  public ResourceCaches(CacheSettings settings, Clock clock) {
    this(settings, clock, (resource, hits, misses) -> { });
  }

  public ResourceCaches(CacheSettings settings, Clock clock, CounterListener counterListener) {
    this.settings = settings;
    this.clock = clock;
    this.counterListener = counterListener;
  }

  /** The cache of one resource and scope; a pass-through when the resource is not cached. */
  public <K, V> ResourceCache<K, V> cache(dev.titanj.core.ResourceDescriptor<V, K> descriptor,
      String scope) {
    String resource = descriptor.name();
    Class<V> valueType = descriptor.key().recordType();
    CacheSettings.Resource r = settings.forResource(descriptor);
    if (!r.isEnabled()) {
      return DisabledResourceCache.instance();
    }
    Cache<String, Object> cache = caches.computeIfAbsent(resource,
        name -> managers().cacheFor(name, r, valueType));
    LongAdder[] c = counts.computeIfAbsent(resource, k -> {
      LongAdder[] created = {new LongAdder(), new LongAdder()};
      counterListener.created(k, created[0], created[1]);
      return created;
    });
    AtomicLong epoch = epochs.computeIfAbsent(scope + "|" + resource, k -> new AtomicLong());
    ValueCodec codec = codecs.computeIfAbsent(resource, k -> managers().storesByReference()
        ? ValueCodec.identity() : ValueCodec.json(valueType));
    return new JCacheResourceCache<>(cache, scope, resource, valueType, epoch, c[0], c[1], loading,
        codec, !managers().isEmbedded());
  }

  /** The manager, opened on first use. */
  public CacheManagers managers() {
    CacheManagers m = managers;
    if (m == null) {
      synchronized (lock) {
        if (closed) {
          throw new IllegalStateException("the client is closed");
        }
        m = managers;
        if (m == null) {
          m = CacheManagers.open(settings, clock);
          managers = m;
        }
      }
    }
    return m;
  }

  public CacheStatistics statistics() {
    Map<String, long[]> out = new LinkedHashMap<>();
    counts.forEach((k, v) -> out.put(k, new long[] {v[0].sum(), v[1].sum()}));
    return new CacheStatistics(out);
  }

  public void close() {
    synchronized (lock) {
      closed = true;
      if (managers != null) {
        managers.close();
      }
    }
  }
}
