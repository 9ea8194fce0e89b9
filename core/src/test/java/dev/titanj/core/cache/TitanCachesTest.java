package dev.titanj.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.internal.ResourceCache;
import dev.titanj.core.internal.TitanCaches;
import dev.titanj.core.query.Sample;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.Caching;
import javax.cache.configuration.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JCache-backed caches of a client family, without HTTP. */
class TitanCachesTest {
  private static final String SCOPE_A = "https://api.example|1";
  private static final String SCOPE_B = "https://api.example|2";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private TitanCaches caches;

  @AfterEach
  void close() {
    if (caches != null) {
      caches.close();
    }
  }

  private static CacheSettings on(String resource, Duration ttl, long heap, long offHeapMb) {
    return CacheSettings.builder()
        .resource(resource, CacheSettings.Resource.on(ttl, heap, offHeapMb)).build();
  }

  @Test
  void defaults_cacheReferenceData_butNotTransactionalData() {
    caches = new TitanCaches(CacheSettings.defaults(), clock);

    assertThat(caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("settings.business-units", Sample.class, true), SCOPE_A).isEnabled()).isTrue();
    assertThat(caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("accounting.payment-types", Sample.class, true), SCOPE_A).isEnabled()).isTrue();
    assertThat(caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("crm.customers", Sample.class, false), SCOPE_A).isEnabled()).isFalse();
    assertThat(caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("accounting.invoices", Sample.class, false), SCOPE_A).isEnabled()).isFalse();
  }

  @Test
  void disabled_cachesNothing_andOpensNoCacheManager() {
    caches = new TitanCaches(CacheSettings.disabled(), clock);
    AtomicInteger loads = new AtomicInteger();
    ResourceCache<Long, Sample> c = caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("settings.business-units", Sample.class, true), SCOPE_A);

    c.get(1L, () -> Optional.of(new Sample(loads.incrementAndGet(), "x")));
    c.get(1L, () -> Optional.of(new Sample(loads.incrementAndGet(), "x")));

    assertThat(loads).hasValue(2);
    assertThat(caches.statistics().resources()).isEmpty();
  }

  @Test
  void embeddedEhcache_storesByReference() {
    caches = new TitanCaches(on("test.samples", Duration.ofMinutes(1), 10, 0), clock);
    ResourceCache<Long, Sample> c = caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("test.samples", Sample.class, false), SCOPE_A);
    Sample s = new Sample(1, "one");

    c.put(1L, s);

    assertThat(c.getIfPresent(1L)).containsSame(s);
    Cache<String, Object> jcache = caches.managers().manager().getCache("titanj.test.samples", String.class, Object.class);
    assertThat(jcache.getConfiguration(Configuration.class).isStoreByValue()).isFalse();
  }

  @Test
  void keys_carryEnvironmentTenantResourceAndId() {
    caches = new TitanCaches(on("test.samples", Duration.ofMinutes(1), 10, 0), clock);
    caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("test.samples", Sample.class, false), SCOPE_A).put(1L, new Sample(1, "a"));

    Cache<String, Object> jcache = caches.managers().manager().getCache("titanj.test.samples", String.class, Object.class);
    assertThat(jcache.containsKey(SCOPE_A + "|test.samples|1")).isTrue();
    assertThat(caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("test.samples", Sample.class, false), SCOPE_B).getIfPresent(1L)).isEmpty();
  }

  @Test
  void ttl_followsTheInjectedClock() {
    caches = new TitanCaches(on("test.samples", Duration.ofSeconds(30), 10, 0), clock);
    ResourceCache<Long, Sample> c = caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("test.samples", Sample.class, false), SCOPE_A);
    c.put(1L, new Sample(1, "a"));

    clock.advance(Duration.ofSeconds(29));
    assertThat(c.getIfPresent(1L)).isPresent();
    clock.advance(Duration.ofSeconds(2));
    assertThat(c.getIfPresent(1L)).isEmpty();
  }

  @Test
  void evictAll_forgetsOnlyTheCallersScope() {
    caches = new TitanCaches(on("test.samples", Duration.ofMinutes(1), 10, 0), clock);
    ResourceCache<Long, Sample> a = caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("test.samples", Sample.class, false), SCOPE_A);
    ResourceCache<Long, Sample> b = caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("test.samples", Sample.class, false), SCOPE_B);
    a.put(1L, new Sample(1, "a"));
    a.put(2L, new Sample(2, "a"));
    b.put(1L, new Sample(1, "b"));

    a.evictAll();

    assertThat(a.getIfPresent(1L)).isEmpty();
    assertThat(a.getIfPresent(2L)).isEmpty();
    assertThat(b.getIfPresent(1L)).map(s -> s.name).contains("b");
  }

  @Test
  void aLoadThatRacedWithAnEviction_isNotCached() {
    caches = new TitanCaches(on("test.samples", Duration.ofMinutes(1), 10, 0), clock);
    ResourceCache<Long, Sample> c = caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("test.samples", Sample.class, false), SCOPE_A);

    Optional<Sample> loaded = c.get(1L, () -> {
      c.evict(1L); // a write finished while the (old) value was on its way
      return Optional.of(new Sample(1, "stale"));
    });

    assertThat(loaded).isPresent();
    assertThat(c.getIfPresent(1L)).isEmpty();
  }

  @Test
  void concurrentMissesOnOneId_shareASingleLoad() throws Exception {
    caches = new TitanCaches(on("test.samples", Duration.ofMinutes(1), 10, 0), clock);
    ResourceCache<Long, Sample> c = caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("test.samples", Sample.class, false), SCOPE_A);
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Optional<Sample>>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> c.get(1L, () -> {
          loads.incrementAndGet();
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Optional.of(new Sample(1, "one"));
        })));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (caches.statistics().misses("test.samples") < 8 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      release.countDown();
      for (Future<Optional<Sample>> f : results) {
        assertThat(f.get(5, TimeUnit.SECONDS)).map(s -> s.name).contains("one");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(loads).hasValue(1);
  }

  @Test
  void loaderFailures_andEmptyResults_leaveNothingBehind() {
    caches = new TitanCaches(on("test.samples", Duration.ofMinutes(1), 10, 0), clock);
    ResourceCache<Long, Sample> c = caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("test.samples", Sample.class, false), SCOPE_A);

    assertThatThrownBy(() -> c.get(1L, () -> {
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(c.get(2L, Optional::empty)).isEmpty();

    assertThat(c.getIfPresent(1L)).isEmpty();
    assertThat(c.getIfPresent(2L)).isEmpty();
  }

  @Test
  void offHeapTier_holdsRecordsAsJson_beyondTheHeapEntries() {
    caches = new TitanCaches(on("test.samples", Duration.ofMinutes(1), 2, 1), clock);
    ResourceCache<Long, Sample> c = caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("test.samples", Sample.class, false), SCOPE_A);
    for (long id = 1; id <= 20; id++) {
      c.put(id, new Sample(id, "n" + id));
    }

    for (long id = 1; id <= 20; id++) {
      assertThat(c.getIfPresent(id)).contains(new Sample(id, "n" + id));
    }
  }

  @Test
  void anotherProvider_isChosenByClassNameAndUri_throughPlainJCache() {
    URI uri = Caching.getCachingProvider(CacheSettings.EHCACHE_PROVIDER).getDefaultURI();
    CacheSettings settings = CacheSettings.builder()
        .provider(CacheSettings.EHCACHE_PROVIDER, uri)
        .resource("test.samples", CacheSettings.Resource.on(Duration.ofMinutes(1), 10))
        .build();
    caches = new TitanCaches(settings, clock);
    ResourceCache<Long, Sample> c = caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("test.samples", Sample.class, false), SCOPE_A);
    AtomicInteger loads = new AtomicInteger();

    c.get(1L, () -> Optional.of(new Sample(loads.incrementAndGet(), "x")));
    c.get(1L, () -> Optional.of(new Sample(loads.incrementAndGet(), "x")));

    assertThat(loads).hasValue(1);
    Cache<String, Object> jcache = caches.managers().manager().getCache("titanj.test.samples", String.class, Object.class);
    assertThat(jcache.getConfiguration(Configuration.class).isStoreByValue()).isFalse();
    jcache.clear();
  }

  @Test
  void aProviderThatCannotStoreByReference_getsRecordsAsJson() {
    CacheSettings settings = CacheSettings.builder()
        .provider(ByValueOnlyCachingProvider.class.getName(), null)
        .resource("test.samples", CacheSettings.Resource.on(Duration.ofMinutes(1), 10))
        .build();
    caches = new TitanCaches(settings, clock);
    try {
      ResourceCache<Long, Sample> c = caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("test.samples", Sample.class, false), SCOPE_A);
      Sample s = new Sample(1, "one");

      c.put(1L, s);

      Cache<String, Object> jcache = caches.managers().manager().getCache("titanj.test.samples", String.class, Object.class);
      assertThat(jcache.getConfiguration(Configuration.class).isStoreByValue()).isTrue();
      assertThat(jcache.get(SCOPE_A + "|test.samples|1")).isInstanceOf(String.class)
          .asString().contains("\"name\":\"one\"");
      assertThat(c.getIfPresent(1L)).contains(s);
    } finally {
      ByValueOnlyCachingProvider.DELEGATE.close();
    }
  }

  @Test
  void anUnknownProvider_failsNamingTheClass() {
    CacheSettings settings = CacheSettings.builder()
        .provider("com.example.NoSuchCachingProvider", null)
        .resource("test.samples", CacheSettings.Resource.on(Duration.ofMinutes(1), 10))
        .build();
    caches = new TitanCaches(settings, clock);

    assertThatThrownBy(() -> caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("test.samples", Sample.class, false), SCOPE_A))
        .hasMessageContaining("com.example.NoSuchCachingProvider");
  }

  @Test
  void close_closesTheEmbeddedManager() {
    caches = new TitanCaches(on("test.samples", Duration.ofMinutes(1), 10, 0), clock);
    caches.cache(dev.titanj.core.testsupport.TestResources.descriptor("test.samples", Sample.class, false), SCOPE_A);
    var manager = caches.managers().manager();

    caches.close();

    assertThat(manager.isClosed()).isTrue();
  }

  @Test
  void resourceSettings_rejectBadValues_namingTheArgument() {
    assertThatThrownBy(() -> CacheSettings.Resource.on(Duration.ZERO, 10)).hasMessageContaining("ttl");
    assertThatThrownBy(() -> CacheSettings.Resource.on(Duration.ofMinutes(1), 0))
        .hasMessageContaining("heapEntries");
    assertThatThrownBy(() -> CacheSettings.builder().provider(" ", null))
        .hasMessageContaining("cachingProviderClassName");
  }
}
