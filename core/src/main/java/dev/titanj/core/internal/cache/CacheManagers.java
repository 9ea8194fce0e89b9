package dev.titanj.core.internal.cache;

import dev.titanj.core.CacheSettings;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.configuration.OptionalFeature;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.spi.CachingProvider;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.ConfigurationBuilder;
import org.ehcache.config.builders.ExpiryPolicyBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.units.EntryUnit;
import org.ehcache.config.units.MemoryUnit;
import org.ehcache.impl.internal.TimeSourceConfiguration;
import org.ehcache.jsr107.Eh107Configuration;
import org.ehcache.jsr107.EhcacheCachingProvider;
import org.ehcache.jsr107.config.ConfigurationElementState;
import org.ehcache.jsr107.config.Jsr107Configuration;

/**
 * Opens the JCache {@link CacheManager} of a client family and creates its per-resource caches.
 *
 * <p>Embedded default: a private Ehcache manager per client family, built in code (no XML), whose
 * {@code TimeSource} reads the client's {@link Clock} so TTLs follow an injected clock; caches
 * hold values by reference on the heap, with an optional off-heap tier storing JSON. Any other
 * provider is looked up by class name (never the ambiguous no-argument lookup) and its manager
 * for the configured URI is shared, not owned: closing a client leaves it open. A manager the
 * application passed in is used as it is and never closed.
 */
public final class CacheManagers {
  /** Prefix of every JCache cache name TitanJ creates; the resource name follows. */
  public static final String CACHE_NAME_PREFIX = "titanj.";

  private final CacheManager manager;
  private final boolean owned;
  private final boolean embedded;
  private final boolean byReference;

  private CacheManagers(CacheManager manager, boolean owned, boolean embedded,
      boolean byReference) {
    this.manager = manager;
    this.owned = owned;
    this.embedded = embedded;
    this.byReference = byReference;
  }

  /** Opens the manager {@code settings} asks for. */
  public static CacheManagers open(CacheSettings settings, Clock clock) {
    if (settings.cacheManager().isPresent()) {
      CacheManager given = settings.cacheManager().get();
      return new CacheManagers(given, false, false,
          given.getCachingProvider().isSupported(OptionalFeature.STORE_BY_REFERENCE));
    }
    ClassLoader loader = CacheManagers.class.getClassLoader();
    CachingProvider provider;
    try {
      provider = Caching.getCachingProvider(settings.providerClassName(), loader);
    } catch (CacheException e) {
      throw new IllegalStateException("JCache provider " + settings.providerClassName()
          + " is not on the classpath", e);
    }
    if (settings.isEmbeddedEhcache() && provider instanceof EhcacheCachingProvider) {
      org.ehcache.config.Configuration config = ConfigurationBuilder.newConfigurationBuilder()
          .withService(new TimeSourceConfiguration(Objects.requireNonNull(clock, "clock")::millis))
          // TitanJ counts hits and misses itself: no JMX beans or provider statistics per cache.
          .withService(new Jsr107Configuration(null, Map.of(), false,
              ConfigurationElementState.DISABLED, ConfigurationElementState.DISABLED))
          .withClassLoader(loader)
          .build();
      URI uri = URI.create("urn:x-titanj:cache:" + UUID.randomUUID());
      return new CacheManagers(((EhcacheCachingProvider) provider).getCacheManager(uri, config),
          true, true, true);
    }
    URI uri = settings.providerUri().orElse(provider.getDefaultURI());
    return new CacheManagers(provider.getCacheManager(uri, loader), false, false,
        provider.isSupported(OptionalFeature.STORE_BY_REFERENCE));
  }

  /** The underlying JCache manager. */
  public CacheManager manager() {
    return manager;
  }

  /** The JCache cache of {@code resource}, created on first use with {@code settings}. */
  public Cache<String, Object> cacheFor(String resource, CacheSettings.Resource settings,
      Class<?> valueType) {
    String name = CACHE_NAME_PREFIX + resource;
    Cache<String, Object> existing = manager.getCache(name, String.class, Object.class);
    if (existing != null) {
      return existing;
    }
    try {
      return manager.createCache(name, embedded ? ehcacheConfiguration(settings, valueType)
          : jcacheConfiguration(settings));
    } catch (CacheException e) {
      Cache<String, Object> raced = manager.getCache(name, String.class, Object.class);
      if (raced != null) {
        return raced;
      }
      throw e;
    }
  }

  private static javax.cache.configuration.Configuration<String, Object> ehcacheConfiguration(
      CacheSettings.Resource settings, Class<?> valueType) {
    ResourcePoolsBuilder pools = ResourcePoolsBuilder.newResourcePoolsBuilder()
        .heap(settings.heapEntries(), EntryUnit.ENTRIES);
    if (settings.offHeapMegabytes() > 0) {
      pools = pools.offheap(settings.offHeapMegabytes(), MemoryUnit.MB);
    }
    CacheConfigurationBuilder<String, Object> b = CacheConfigurationBuilder
        .newCacheConfigurationBuilder(String.class, Object.class, pools)
        .withExpiry(ExpiryPolicyBuilder.timeToLiveExpiration(settings.ttl()));
    if (settings.offHeapMegabytes() > 0) {
      b = b.withValueSerializer(new JsonValueSerializer(valueType));
    }
    return Eh107Configuration.fromEhcacheCacheConfiguration(b.build());
  }

  private javax.cache.configuration.Configuration<String, Object> jcacheConfiguration(
      CacheSettings.Resource settings) {
    MutableConfiguration<String, Object> c = new MutableConfiguration<String, Object>()
        .setTypes(String.class, Object.class)
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
            new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, settings.ttl().toMillis())));
    // Values are immutable: share them where the provider can; elsewhere they travel as JSON.
    c.setStoreByValue(!byReference);
    return c;
  }

  /**
   * Whether records are kept by reference; when false (a store-by-value or distributed provider)
   * they are stored as JSON strings (see {@link ValueCodec}).
   */
  public boolean storesByReference() {
    return byReference;
  }

  /**
   * Whether this is the embedded Ehcache manager TitanJ built for this client family alone;
   * otherwise other processes may share its caches.
   */
  public boolean isEmbedded() {
    return embedded;
  }

  /** Closes the manager if this client family opened it. */
  public void close() {
    if (owned && !manager.isClosed()) {
      manager.close();
    }
  }
}
