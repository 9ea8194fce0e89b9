package dev.titanj.core;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.cache.CacheManager;

/**
 * Configures the read-through response cache. Each resource (named like
 * {@code "settings.business-units"}) is cached or not, with its own time to live and size.
 * By default reference data (business units, tag types, user roles, payment types...) is cached
 * and transactional data (customers, invoices...) is not.
 *
 * <p>The cache goes through JCache (JSR-107). The embedded default is Ehcache 3, on the heap and
 * store-by-reference (values are immutable), with TTLs measured on the client's {@code Clock}.
 * Another provider (for example Hazelcast, to share entries between instances) is chosen with
 * {@link Builder#provider(String, URI)}, or an existing manager is passed with
 * {@link Builder#cacheManager(CacheManager)}; the provider's own configuration then decides
 * sizes. Keys carry
 * environment, tenant, resource and id, so entries never cross tenants or environments. Only
 * successful reads are cached: errors and 404s are never stored.
 */
public final class CacheSettings {
  /** Class name of Ehcache's JCache provider, the embedded default. */
  public static final String EHCACHE_PROVIDER = "org.ehcache.jsr107.EhcacheCachingProvider";

  private final boolean enabled;
  private final Resource referenceDefaults;
  private final Map<String, Resource> overrides;
  private final String providerClassName;
  private final URI providerUri;
  private final CacheManager cacheManager;

  private CacheSettings(boolean enabled, Resource referenceDefaults, Map<String, Resource> overrides,
      String providerClassName, URI providerUri, CacheManager cacheManager) {
    this.enabled = enabled;
    this.referenceDefaults = referenceDefaults;
    this.overrides = Map.copyOf(overrides);
    this.providerClassName = providerClassName;
    this.providerUri = providerUri;
    this.cacheManager = cacheManager;
  }

  /** Reference data cached for 10 minutes, up to 10,000 entries per resource; nothing else. */
  public static CacheSettings defaults() {
    return builder().build();
  }

  /** No caching at all. */
  public static CacheSettings disabled() {
    return new CacheSettings(false, Resource.off(), Map.of(), EHCACHE_PROVIDER, null, null);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether any caching happens. */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * The settings that apply to {@code resource}: its own if configured, else the reference-data
   * defaults when its descriptor marks it as reference data, else off.
   */
  public Resource forResource(ResourceDescriptor<?, ?> resource) {
    if (!enabled) {
      return Resource.off();
    }
    Resource r = overrides.get(resource.name());
    if (r != null) {
      return r;
    }
    return resource.referenceData() ? referenceDefaults : Resource.off();
  }

  /** Class name of the JCache {@code CachingProvider}; {@link #EHCACHE_PROVIDER} by default. */
  public String providerClassName() {
    return providerClassName;
  }

  /**
   * The provider-specific configuration URI (for example a Hazelcast client XML); empty means a
   * private embedded Ehcache manager per client, built in code.
   */
  public Optional<URI> providerUri() {
    return Optional.ofNullable(providerUri);
  }

  /**
   * The JCache manager given with {@link Builder#cacheManager(CacheManager)}, if any; it takes
   * precedence over the provider class name and URI.
   */
  public Optional<CacheManager> cacheManager() {
    return Optional.ofNullable(cacheManager);
  }

  /** Whether this is the embedded default: Ehcache configured by TitanJ itself. */
  public boolean isEmbeddedEhcache() {
    return cacheManager == null && EHCACHE_PROVIDER.equals(providerClassName)
        && providerUri == null;
  }

  @Override
  public String toString() {
    return "CacheSettings{enabled=" + enabled + ", reference=" + referenceDefaults
        + ", overrides=" + new TreeMap<>(overrides)
        + (cacheManager != null ? ", cacheManager=" + cacheManager.getURI()
            : isEmbeddedEhcache() ? "" : ", provider=" + providerClassName + ", uri=" + providerUri)
        + "}";
  }

  /** Cache settings of one resource. */
  public static final class Resource {
    private static final Resource OFF = new Resource(false, Duration.ZERO, 0, 0);

    private final boolean enabled;
    private final Duration ttl;
    private final long heapEntries;
    private final long offHeapMegabytes;

    private Resource(boolean enabled, Duration ttl, long heapEntries, long offHeapMegabytes) {
      this.enabled = enabled;
      this.ttl = ttl;
      this.heapEntries = heapEntries;
      this.offHeapMegabytes = offHeapMegabytes;
    }

    /** Not cached. */
    public static Resource off() {
      return OFF;
    }

    /** Cached for {@code ttl}, at most {@code heapEntries} entries on the heap. */
    public static Resource on(Duration ttl, long heapEntries) {
      return on(ttl, heapEntries, 0);
    }

    /** Cached for {@code ttl} with {@code heapEntries} on heap and an off-heap tier in MB (0 = none). */
    public static Resource on(Duration ttl, long heapEntries, long offHeapMegabytes) {
      if (ttl == null || ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("ttl must be positive, was " + ttl);
      }
      if (heapEntries < 1) {
        throw new IllegalArgumentException("heapEntries must be positive, was " + heapEntries);
      }
      if (offHeapMegabytes < 0) {
        throw new IllegalArgumentException("offHeapMegabytes must not be negative");
      }
      return new Resource(true, ttl, heapEntries, offHeapMegabytes);
    }

    public boolean isEnabled() {
      return enabled;
    }

    public Duration ttl() {
      return ttl;
    }

    public long heapEntries() {
      return heapEntries;
    }

    public long offHeapMegabytes() {
      return offHeapMegabytes;
    }

    @Override
    public String toString() {
      return enabled ? "on(ttl=" + ttl + ", heap=" + heapEntries
          + (offHeapMegabytes > 0 ? ", offHeapMB=" + offHeapMegabytes : "") + ")" : "off";
    }
  }

  /** Builds {@link CacheSettings}. */
  public static final class Builder {
    private Resource referenceDefaults = Resource.on(Duration.ofMinutes(10), 10_000);
    private final Map<String, Resource> overrides = new TreeMap<>();
    private String providerClassName = EHCACHE_PROVIDER;
    private URI providerUri;
    private CacheManager cacheManager;

    private Builder() {}

    /**
     * Uses another JCache provider, selected by its {@code CachingProvider} class name (never by
     * the ambiguous no-argument lookup), with its configuration at {@code configUri} (null for
     * the provider's default). Entries then live wherever that provider keeps them, for example
     * in a Hazelcast cluster shared by several instances. TTLs are set through JCache's expiry
     * policy and measured on the provider's own clock; sizes come from the provider's
     * configuration. A provider that cannot store by reference receives records as JSON text.
     */
    public Builder provider(String cachingProviderClassName, URI configUri) {
      if (cachingProviderClassName == null || cachingProviderClassName.isBlank()) {
        throw new IllegalArgumentException("cachingProviderClassName must not be blank");
      }
      this.providerClassName = cachingProviderClassName.trim();
      this.providerUri = configUri;
      this.cacheManager = null;
      return this;
    }

    /**
     * Uses a JCache manager the application already has (for example one bound to its Hazelcast
     * member or client), so the response cache, a {@link JCacheTokenStore} and a
     * {@link RateLimit#shared shared rate limit} can all live in one cluster. The client never
     * closes this manager; the application does, after closing its clients. As with
     * {@link #provider}, TTLs go through JCache's expiry policy and records are stored as JSON
     * text when the provider cannot store by reference.
     */
    public Builder cacheManager(CacheManager cacheManager) {
      if (cacheManager == null) {
        throw new IllegalArgumentException("cacheManager must not be null");
      }
      if (cacheManager.isClosed()) {
        throw new IllegalArgumentException("cacheManager is closed");
      }
      this.cacheManager = cacheManager;
      return this;
    }

    /** Settings for every reference-data resource not configured one by one. */
    public Builder referenceData(Resource settings) {
      if (settings == null) {
        throw new IllegalArgumentException("settings must not be null");
      }
      this.referenceDefaults = settings;
      return this;
    }

    /** Settings for one resource, such as {@code Crm.CUSTOMERS}; overrides the defaults. */
    public Builder resource(ResourceKey<?, ?> resource, Resource settings) {
      if (resource == null) {
        throw new IllegalArgumentException("resource must not be null");
      }
      return resource(resource.name(), settings);
    }

    /**
     * Settings for one resource named {@code area.resource}, such as {@code "crm.customers"}; the
     * name must be a resource of an installed module ({@link ResourceCatalog}), so a typo is an
     * {@code IllegalArgumentException} rather than a cache that never fills.
     */
    public Builder resource(String resource, Resource settings) {
      if (resource == null || resource.isBlank()) {
        throw new IllegalArgumentException("resource must not be blank");
      }
      ResourceCatalog catalog = ResourceCatalog.installed();
      if (catalog.find(resource).isEmpty()) {
        throw new IllegalArgumentException("unknown resource " + resource + catalog.suggest(resource));
      }
      if (settings == null) {
        throw new IllegalArgumentException("settings of " + resource + " must not be null");
      }
      overrides.put(resource, settings);
      return this;
    }

    public CacheSettings build() {
      return new CacheSettings(true, referenceDefaults, overrides, providerClassName, providerUri,
          cacheManager);
    }
  }
}
