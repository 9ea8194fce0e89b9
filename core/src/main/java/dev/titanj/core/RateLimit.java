package dev.titanj.core;

import dev.titanj.core.internal.SharedBudgets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.cache.Cache;
import javax.cache.CacheManager;

/**
 * The client-side request budget for one tenant: ServiceTitan allows about 60 requests per second
 * per application and tenant, and a client that stays under that avoids 429 responses. Shared by
 * every thread of a client (a client made with {@code withTenant} has a budget of its own).
 * A client's own budget is a sliding window: never more than the rate in any one second, so a
 * client idle for a second may send that many at once (60 by default: a short job such as a
 * 40-page sync is not slowed at all), and under sustained load it sends the rate per second.
 * Every attempt counts, retries included, token requests not; a 429 the server sends anyway is
 * retried after its {@code Retry-After}. A {@linkplain #shared shared} budget spaces requests
 * evenly instead, after a burst of a tenth of a second's budget.
 *
 * <p>Several application instances working for one tenant share the tenant's limit: give them
 * one budget with {@link #shared(CacheManager, int)} (a Bucket4j bucket in a JCache cluster such
 * as Hazelcast) or {@link #custom(int, BudgetFactory)} (any other distributed bucket), and
 * together they stay under it.
 */
public final class RateLimit {
  /** Name of the cache {@link #shared(CacheManager, int)} keeps its buckets in. */
  public static final String SHARED_CACHE_NAME = "titanj.rate-limits";

  private final int requestsPerSecond;
  private final BudgetFactory budgetFactory;
  private final String kind;
  private final Cache<String, byte[]> sharedCache;

  private RateLimit(int requestsPerSecond) {
    this(requestsPerSecond, null, null, null);
  }

  private RateLimit(int requestsPerSecond, BudgetFactory budgetFactory, String kind,
      Cache<String, byte[]> sharedCache) {
    this.requestsPerSecond = requestsPerSecond;
    this.budgetFactory = budgetFactory;
    this.kind = kind;
    this.sharedCache = sharedCache;
  }

  /**
   * A request budget kept outside the client, typically shared by several processes. Called once
   * per attempt, from many threads at once.
   */
  @FunctionalInterface
  public interface Budget {
    /**
     * Takes one request from the budget and returns how long the caller must wait before sending
     * it: zero to send now. A budget may go into debt (reservations), so concurrent callers are
     * spaced evenly. Throwing makes the client fall back to a budget of its own at the same rate
     * for this request.
     */
    Duration reserve();
  }

  /** Makes the budget of one client. */
  @FunctionalInterface
  public interface BudgetFactory {
    /**
     * @param key names the budget: environment, tenant and application (a hash of the app key),
     *     the unit ServiceTitan limits; clients with the same key share a budget
     * @param clock the client's clock, on which the budget should measure time
     */
    Budget create(String key, Clock clock);
  }

  /**
   * A budget of {@code requestsPerSecond} shared by every client, in any process, that uses the
   * same JCache cluster and has the same environment, tenant and app key: a Bucket4j token
   * bucket (burst a tenth of a second's budget) kept in the cache {@value #SHARED_CACHE_NAME} of
   * {@code manager}, created if missing. Needs {@code com.bucket4j:bucket4j_jdk17-jcache} on the
   * classpath (an optional dependency of TitanJ core). If the cluster cannot be reached, each
   * client limits itself to the same rate alone until it can.
   *
   * @throws IllegalArgumentException if the rate is out of range or the manager is null or closed
   * @throws IllegalStateException if Bucket4j's JCache module is missing
   */
  public static RateLimit shared(CacheManager manager, int requestsPerSecond) {
    if (manager == null) {
      throw new IllegalArgumentException("manager must not be null");
    }
    if (manager.isClosed()) {
      throw new IllegalArgumentException("manager is closed");
    }
    checkRate(requestsPerSecond);
    requireBucket4j();
    return shared(SharedBudgets.bucketCache(manager, SHARED_CACHE_NAME), requestsPerSecond);
  }

  /**
   * Like {@link #shared(CacheManager, int)}, with the buckets in a cache the application
   * configured itself (Bucket4j keeps them as {@code byte[]}).
   */
  public static RateLimit shared(Cache<String, byte[]> cache, int requestsPerSecond) {
    if (cache == null) {
      throw new IllegalArgumentException("cache must not be null");
    }
    checkRate(requestsPerSecond);
    requireBucket4j();
    return new RateLimit(requestsPerSecond,
        SharedBudgets.bucket4j(cache, requestsPerSecond, Math.max(1, requestsPerSecond / 10)),
        "shared:" + cache.getName(), cache);
  }

  /**
   * A budget of the application's own making, for example a Bucket4j bucket in Redis. {@code
   * requestsPerSecond} is the rate a client falls back to, alone, when the budget fails.
   */
  public static RateLimit custom(int requestsPerSecond, BudgetFactory budgets) {
    checkRate(requestsPerSecond);
    if (budgets == null) {
      throw new IllegalArgumentException("budgets must not be null");
    }
    return new RateLimit(requestsPerSecond, budgets, "custom", null);
  }

  /** The external budget's factory, when the budget is not the client's own. */
  public Optional<BudgetFactory> budgetFactory() {
    return Optional.ofNullable(budgetFactory);
  }

  /**
   * The JCache cache a {@link #shared(CacheManager, int) shared} budget lives in; empty for a
   * budget of the client's own and for {@link #custom(int, BudgetFactory)}. Other limits that
   * processes must share (the Reporting API's one run per report and minute) keep their state
   * in the same cache, under keys of their own.
   */
  public Optional<Cache<String, byte[]>> sharedCache() {
    return Optional.ofNullable(sharedCache);
  }

  /** Whether the budget is kept outside the client (shared or custom). */
  public boolean isShared() {
    return budgetFactory != null;
  }

  /** Fails with a message naming the missing artifact unless Bucket4j's JCache module is there. */
  private static void requireBucket4j() {
    try {
      Class.forName("io.github.bucket4j.grid.jcache.Bucket4jJCache", false,
          RateLimit.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("RateLimit.shared needs Bucket4j's JCache module: add "
          + "com.bucket4j:bucket4j_jdk17-jcache to the application's dependencies", e);
    }
  }

  private static void checkRate(int requestsPerSecond) {
    if (requestsPerSecond < 1 || requestsPerSecond > 10_000) {
      throw new IllegalArgumentException(
          "requestsPerSecond must be between 1 and 10000, was " + requestsPerSecond);
    }
  }

  /** 60 requests per second. */
  public static RateLimit defaults() {
    return perSecond(60);
  }

  /** At most {@code requestsPerSecond} requests per second (1 to 10,000). */
  public static RateLimit perSecond(int requestsPerSecond) {
    checkRate(requestsPerSecond);
    return new RateLimit(requestsPerSecond);
  }

  /** No client-side limit; the server's 429 responses are still retried. */
  public static RateLimit unlimited() {
    return new RateLimit(0);
  }

  /** Requests per second, or 0 when unlimited. */
  public int requestsPerSecond() {
    return requestsPerSecond;
  }

  /** Whether a limit applies. */
  public boolean isLimited() {
    return requestsPerSecond > 0;
  }

  @Override
  public String toString() {
    return !isLimited() ? "RateLimit{unlimited}"
        : "RateLimit{" + requestsPerSecond + "/s" + (kind == null ? "" : ", " + kind) + "}";
  }
}
