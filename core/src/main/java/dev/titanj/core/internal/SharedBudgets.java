package dev.titanj.core.internal;

import dev.titanj.core.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.jcache.Bucket4jJCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * Request budgets shared through JCache with Bucket4j's JCache integration (entry processors, so
 * each reservation is one atomic operation on the member owning the bucket). Bucket4j is an
 * optional dependency: this class is loaded only by {@link RateLimit#shared}, which checks that
 * it is present first (so this class must not be touched before that check).
 */
public final class SharedBudgets {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private SharedBudgets() {}

  /**
   * The cache holding buckets in {@code manager}, created if missing; an idle bucket is dropped
   * after an hour (it would be full again by then anyway).
   */
  public static Cache<String, byte[]> bucketCache(CacheManager manager, String name) {
    Cache<String, byte[]> existing = manager.getCache(name, String.class, byte[].class);
    if (existing != null) {
      return existing;
    }
    MutableConfiguration<String, byte[]> config = new MutableConfiguration<String, byte[]>()
        .setTypes(String.class, byte[].class)
        .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
            new javax.cache.expiry.Duration(TimeUnit.HOURS, 1)));
    try {
      return manager.createCache(name, config);
    } catch (CacheException e) {
      Cache<String, byte[]> raced = manager.getCache(name, String.class, byte[].class);
      if (raced != null) {
        return raced;
      }
      throw e;
    }
  }

  /**
   * Budgets of {@code perSecond} requests with bursts of {@code burst}, one Bucket4j bucket per
   * key in {@code cache}, measured on each client's clock.
   */
  public static RateLimit.BudgetFactory bucket4j(Cache<String, byte[]> cache, int perSecond,
      int burst) {
    BucketConfiguration configuration = BucketConfiguration.builder()
        .addLimit(Bandwidth.builder()
            .capacity(burst)
            .refillGreedy(perSecond, Duration.ofSeconds(1))
            .build())
        .build();
    return (key, clock) -> {
      ProxyManager<String> buckets = Bucket4jJCache.entryProcessorBasedBuilder(cache)
          .clientClock(timeMeter(clock))
          .build();
      BucketProxy bucket = buckets.builder().build(key, () -> configuration);
      return new RateLimit.Budget() {
        @Override
        public Duration reserve() {
          return Duration.ofNanos(bucket.consumeIgnoringRateLimits(1));
        }

        @Override
        public String toString() {
          return "Bucket4jBudget{" + perSecond + "/s, cache=" + cache.getName() + "}";
        }
      };
    };
  }

  private static TimeMeter timeMeter(Clock clock) {
    return new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
  }
}
