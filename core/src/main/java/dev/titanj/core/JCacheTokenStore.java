package dev.titanj.core;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TokenStore} in a JCache cache, so that application instances sharing a cache cluster
 * (Hazelcast, Infinispan...) share one access token per environment, tenant and client id. A
 * token fetched by one instance is used by all; when it nears expiry one instance fetches the
 * next while the others wait for it and read it from the cache.
 *
 * <pre>{@code
 * CacheManager manager = ...;   // for example bound to the application's Hazelcast member
 * ServiceTitan st = ServiceTitan.builder()
 *     ...
 *     .tokenStore(JCacheTokenStore.create(manager))
 *     .build();
 * }</pre>
 *
 * <p>Coordination uses only JCache's atomic operations: before fetching, an instance takes a
 * short lease ({@code putIfAbsent} in a second cache); instances that find the lease taken poll
 * the token cache until the new token appears, the lease is released or it lapses (its holder
 * died), and then take it themselves. So normally one token request is sent per expiry across
 * the cluster, and in every case a caller gets a valid token: an entry whose expiry has passed
 * is never returned, keys carry environment, tenant and client id, and a store that cannot be
 * reached makes the client fetch its own token.
 *
 * <p>Reads are served from the token this instance last read or stored while it has not expired,
 * so API calls do not each cost a cluster round trip; a refresh always reads the cluster. A token
 * another instance replaced early (after the API rejected it) is therefore picked up here after
 * this instance's own 401, which triggers a refresh that finds the new token in the cluster.
 *
 * <p>Tokens are stored as text ({@code expiresAt|token}) with no Java serialization. They are
 * secrets: this class never logs them, but they travel between cluster members and sit in their
 * memory, so secure the cluster's transport and membership as you would a credentials store.
 */
public final class JCacheTokenStore implements TokenStore {
  /** Name of the token cache unless configured otherwise. */
  public static final String DEFAULT_CACHE_NAME = "titanj.tokens";

  private static final Logger log = LoggerFactory.getLogger("dev.titanj.auth");
  private static final String SEPARATOR = "|";

  private final Cache<String, String> tokens;
  private final Cache<String, String> leases;
  private final Duration leaseTimeout;
  private final Duration pollInterval;
  private final Clock clock;
  private final Sleeper sleeper;
  private final String owner = UUID.randomUUID().toString();
  /** The token last read or written per key, so calls do not each cost a cluster round trip. */
  private final ConcurrentHashMap<String, AccessToken> recent = new ConcurrentHashMap<>();

  private JCacheTokenStore(Builder b) {
    this.tokens = cache(b.manager, b.cacheName, b.entryTtl);
    this.leases = cache(b.manager, b.cacheName + ".leases", b.leaseTimeout);
    this.leaseTimeout = b.leaseTimeout;
    this.pollInterval = b.pollInterval;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
  }

  /** A store in the cache {@value #DEFAULT_CACHE_NAME} of {@code manager}, with defaults. */
  public static JCacheTokenStore create(CacheManager manager) {
    return builder(manager).build();
  }

  /** Starts a builder for a store in {@code manager}. */
  public static Builder builder(CacheManager manager) {
    if (manager == null) {
      throw new IllegalArgumentException("manager must not be null");
    }
    return new Builder(manager);
  }

  @Override
  public Optional<AccessToken> get(String key) {
    requireKey(key);
    AccessToken seen = recent.get(key);
    if (seen != null && seen.expiresAt().isAfter(clock.instant())) {
      return Optional.of(seen);
    }
    try {
      return Optional.ofNullable(read(key));
    } catch (RuntimeException e) {
      log.debug("shared token store could not be read: {}", e.getClass().getName());
      return Optional.empty();
    }
  }

  @Override
  public void put(String key, AccessToken token) {
    Objects.requireNonNull(token, "token");
    requireKey(key);
    recent.put(key, token);
    try {
      tokens.put(key, encode(token));
    } catch (RuntimeException e) {
      log.debug("shared token store could not store a token: {}", e.getClass().getName());
    }
  }

  @Override
  public void remove(String key) {
    requireKey(key);
    recent.remove(key);
    try {
      tokens.remove(key);
    } catch (RuntimeException e) {
      log.debug("shared token store could not remove a token: {}", e.getClass().getName());
    }
  }

  /** Removes the entry only if it still holds {@code expected} (atomic, cluster-wide). */
  @Override
  public void remove(String key, AccessToken expected) {
    Objects.requireNonNull(expected, "expected");
    requireKey(key);
    recent.remove(key, expected);
    try {
      tokens.remove(key, encode(expected));
    } catch (RuntimeException e) {
      log.debug("shared token store could not remove a token: {}", e.getClass().getName());
    }
  }

  /**
   * Returns the stored token if usable; otherwise takes the refresh lease and fetches (once
   * across the cluster), or waits for the instance holding the lease and adopts its token. When
   * the cache fails, fetches without coordination.
   */
  @Override
  public AccessToken refresh(String key, Predicate<AccessToken> usable,
      Supplier<AccessToken> fetch) {
    requireKey(key);
    Duration pause = pollInterval;
    while (true) {
      String lease;
      try {
        AccessToken stored = read(key);
        if (stored != null && usable.test(stored)) {
          return stored;
        }
        lease = tryLease(key);
      } catch (RuntimeException e) {
        log.debug("shared token store unavailable; fetching without coordination: {}",
            e.getClass().getName());
        AccessToken fresh = fetch.get();
        put(key, fresh);
        return fresh;
      }
      if (lease != null) {
        return fetchUnderLease(key, lease, usable, fetch);
      }
      sleep(pause);
      pause = min(pause.multipliedBy(2), pollInterval.multipliedBy(8));
    }
  }

  private AccessToken fetchUnderLease(String key, String lease, Predicate<AccessToken> usable,
      Supplier<AccessToken> fetch) {
    try {
      AccessToken stored = null;
      try {
        stored = read(key); // another instance may have finished between our read and our lease
      } catch (RuntimeException e) {
        log.debug("shared token store could not be read: {}", e.getClass().getName());
      }
      if (stored != null && usable.test(stored)) {
        return stored;
      }
      AccessToken fresh = fetch.get();
      put(key, fresh);
      return fresh;
    } finally {
      try {
        leases.remove(key, lease);
      } catch (RuntimeException e) {
        log.debug("shared token store could not release its lease: {}", e.getClass().getName());
      }
    }
  }

  /** The lease value if this instance now holds the refresh lease for {@code key}, else null. */
  private String tryLease(String key) {
    Instant now = clock.instant();
    String mine = owner + SEPARATOR + now.plus(leaseTimeout).toEpochMilli();
    if (leases.putIfAbsent(key, mine)) {
      return mine;
    }
    String current = leases.get(key);
    if (current == null) {
      return leases.putIfAbsent(key, mine) ? mine : null;
    }
    if (leaseLapsed(current, now) && leases.replace(key, current, mine)) {
      log.debug("took over a lapsed token refresh lease");
      return mine;
    }
    return null;
  }

  private static boolean leaseLapsed(String lease, Instant now) {
    int sep = lease.lastIndexOf(SEPARATOR);
    try {
      return sep < 0 || Long.parseLong(lease.substring(sep + 1)) <= now.toEpochMilli();
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /** The stored token if present, well-formed and not expired by this store's clock. */
  private AccessToken read(String key) {
    String raw = tokens.get(key);
    AccessToken token = raw == null ? null : decode(raw);
    if (token == null || !token.expiresAt().isAfter(clock.instant())) {
      recent.remove(key);
      return null;
    }
    recent.put(key, token);
    return token;
  }

  static String encode(AccessToken token) {
    return token.expiresAt() + SEPARATOR + token.value();
  }

  static AccessToken decode(String raw) {
    int sep = raw.indexOf(SEPARATOR);
    if (sep <= 0 || sep == raw.length() - 1) {
      return null;
    }
    try {
      return new AccessToken(raw.substring(sep + 1), Instant.parse(raw.substring(0, sep)));
    } catch (DateTimeException | IllegalArgumentException e) {
      return null;
    }
  }

  private void sleep(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TitanException("interrupted while another instance was fetching a token", e);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String requireKey(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("key must not be blank");
    }
    return key;
  }

  private static Cache<String, String> cache(CacheManager manager, String name, Duration ttl) {
    Cache<String, String> existing = manager.getCache(name, String.class, String.class);
    if (existing != null) {
      return existing;
    }
    MutableConfiguration<String, String> config = new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class)
        .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
            new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, ttl.toMillis())));
    try {
      return manager.createCache(name, config);
    } catch (CacheException e) {
      Cache<String, String> raced = manager.getCache(name, String.class, String.class);
      if (raced != null) {
        return raced; // another instance created it first
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return "JCacheTokenStore{cache=" + tokens.getName() + "}";
  }

  /** Builds a {@link JCacheTokenStore}. */
  public static final class Builder {
    private final CacheManager manager;
    private String cacheName = DEFAULT_CACHE_NAME;
    private Duration leaseTimeout = Duration.ofSeconds(30);
    private Duration pollInterval = Duration.ofMillis(50);
    private Duration entryTtl = Duration.ofHours(12);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();

    private Builder(CacheManager manager) {
      this.manager = manager;
    }

    /**
     * The token cache's name (default {@value JCacheTokenStore#DEFAULT_CACHE_NAME}); the lease
     * cache is named after it with {@code .leases}. Created with JCache defaults when the
     * provider's own configuration does not define it.
     */
    public Builder cacheName(String cacheName) {
      if (cacheName == null || cacheName.isBlank()) {
        throw new IllegalArgumentException("cacheName must not be blank");
      }
      this.cacheName = cacheName.trim();
      return this;
    }

    /**
     * How long an instance may hold the refresh lease (default 30 s). If it has not stored a
     * token by then (it died, or its token request is still retrying), another instance takes
     * the lease and fetches.
     */
    public Builder leaseTimeout(Duration leaseTimeout) {
      this.leaseTimeout = requirePositive(leaseTimeout, "leaseTimeout");
      return this;
    }

    /** First pause between reads while waiting for another instance's token (default 50 ms). */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = requirePositive(pollInterval, "pollInterval");
      return this;
    }

    /**
     * Upper bound on how long an entry stays in the cache whatever its token's expiry (default
     * 12 h); expiry itself is always checked on read.
     */
    public Builder entryTtl(Duration entryTtl) {
      this.entryTtl = requirePositive(entryTtl, "entryTtl");
      return this;
    }

    /** The clock expiry and leases are checked on; default the system clock. */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new IllegalArgumentException("clock must not be null");
      }
      this.clock = clock;
      return this;
    }

    /** How the store waits between polls; tests inject one that advances a clock. */
    public Builder sleeper(Sleeper sleeper) {
      if (sleeper == null) {
        throw new IllegalArgumentException("sleeper must not be null");
      }
      this.sleeper = sleeper;
      return this;
    }

    /** Creates the caches if they do not exist and returns the store. */
    public JCacheTokenStore build() {
      return new JCacheTokenStore(this);
    }

    private static Duration requirePositive(Duration d, String argument) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(argument + " must be positive, was " + d);
      }
      return d;
    }
  }
}
