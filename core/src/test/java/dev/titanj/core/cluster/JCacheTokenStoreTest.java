package dev.titanj.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.AccessToken;
import dev.titanj.core.CacheSettings;
import dev.titanj.core.JCacheTokenStore;
import dev.titanj.core.support.ManualClock;
import dev.titanj.core.support.RecordingSleeper;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.ehcache.config.builders.ConfigurationBuilder;
import org.ehcache.jsr107.EhcacheCachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JCache token store's protocol on an embedded JCache manager (Ehcache): several stores on
 * one manager stand for several instances on one cluster.
 */
class JCacheTokenStoreTest {
  private static final String KEY = "https://auth.example|42|client-a";

  private final ManualClock clock = ManualClock.atEpochDay();
  private final CacheManager manager = ((EhcacheCachingProvider) Caching.getCachingProvider(
      CacheSettings.EHCACHE_PROVIDER)).getCacheManager(
          URI.create("urn:x-titanj-test:" + UUID.randomUUID()),
          ConfigurationBuilder.newConfigurationBuilder().build());

  @AfterEach
  void close() {
    manager.close();
  }

  private JCacheTokenStore store(RecordingSleeper sleeper) {
    return JCacheTokenStore.builder(manager).clock(clock).sleeper(sleeper).build();
  }

  private AccessToken token(String value, Duration validFor) {
    return new AccessToken(value, clock.instant().plus(validFor));
  }

  private static Predicate<AccessToken> notExpiring(ManualClock clock) {
    return t -> t.expiresAt().isAfter(clock.instant().plusSeconds(60));
  }

  private static Supplier<AccessToken> mustNotFetch() {
    return () -> {
      throw new AssertionError("fetched although a usable token was there");
    };
  }

  @Test
  void get_neverReturnsAnExpiredToken() {
    JCacheTokenStore store = store(new RecordingSleeper(clock));
    store.put(KEY, token("abc", Duration.ofSeconds(10)));
    assertThat(store.get(KEY)).map(AccessToken::value).contains("abc");

    clock.advance(Duration.ofSeconds(10));

    assertThat(store.get(KEY)).isEmpty();
  }

  @Test
  void aTokenStoredByOneInstance_isReadByAnother_exactly() {
    AccessToken t = new AccessToken("abc", clock.instant().plusNanos(123_456_789L).plusSeconds(900));
    store(new RecordingSleeper(clock)).put(KEY, t);

    assertThat(store(new RecordingSleeper(clock)).get(KEY)).contains(t);
    assertThat(store(new RecordingSleeper(clock)).get("https://auth.example|43|client-a")).isEmpty();
  }

  @Test
  void refresh_whenAUsableTokenIsStored_adoptsItWithoutFetching() {
    JCacheTokenStore store = store(new RecordingSleeper(clock));
    AccessToken t = token("abc", Duration.ofMinutes(15));
    store.put(KEY, t);

    assertThat(store.refresh(KEY, notExpiring(clock), mustNotFetch())).isEqualTo(t);
  }

  @Test
  void refresh_whenTheStoredTokenIsNotUsable_fetchesAndStoresANewOne() {
    JCacheTokenStore store = store(new RecordingSleeper(clock));
    store.put(KEY, token("old", Duration.ofSeconds(30)));

    AccessToken fresh = store.refresh(KEY, notExpiring(clock), () -> token("new", Duration.ofMinutes(15)));

    assertThat(fresh.value()).isEqualTo("new");
    assertThat(store.get(KEY)).contains(fresh);
  }

  @Test
  void refresh_whileAnotherInstanceHoldsTheLease_waitsAndAdoptsItsToken() throws Exception {
    JCacheTokenStore a = store(new RecordingSleeper(clock));
    CountDownLatch aFetching = new CountDownLatch(1);
    CountDownLatch aMayFinish = new CountDownLatch(1);
    CompletableFuture<AccessToken> onA = CompletableFuture.supplyAsync(
        () -> a.refresh(KEY, notExpiring(clock), () -> {
          aFetching.countDown();
          await(aMayFinish);
          return token("from-a", Duration.ofMinutes(15));
        }));
    assertThat(aFetching.await(10, TimeUnit.SECONDS)).isTrue();
    AtomicInteger waits = new AtomicInteger();
    JCacheTokenStore b = JCacheTokenStore.builder(manager).clock(clock).sleeper(d -> {
      waits.incrementAndGet();
      aMayFinish.countDown();
      onA.join(); // A's token request completes while B waits
    }).build();

    AccessToken onB = b.refresh(KEY, notExpiring(clock), mustNotFetch());

    assertThat(onB.value()).isEqualTo("from-a");
    assertThat(onA.get(10, TimeUnit.SECONDS)).isEqualTo(onB);
    assertThat(waits).hasValue(1);
  }

  @Test
  void refresh_whenTheLeaseHolderDied_takesOverOnceTheLeaseLapses() throws Exception {
    JCacheTokenStore a = store(new RecordingSleeper());
    CountDownLatch aFetching = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    CompletableFuture<AccessToken> stuck = CompletableFuture.supplyAsync(
        () -> a.refresh(KEY, notExpiring(clock), () -> {
          aFetching.countDown();
          await(never); // holds the lease and never stores a token
          return token("late", Duration.ofMinutes(15));
        }));
    assertThat(aFetching.await(10, TimeUnit.SECONDS)).isTrue();
    RecordingSleeper sleeperB = new RecordingSleeper(clock);
    AtomicInteger fetches = new AtomicInteger();

    AccessToken onB = store(sleeperB).refresh(KEY, notExpiring(clock), () -> {
      fetches.incrementAndGet();
      return token("from-b", Duration.ofMinutes(15));
    });

    assertThat(onB.value()).isEqualTo("from-b");
    assertThat(fetches).hasValue(1);
    assertThat(sleeperB.total()).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(31));
    never.countDown();
    stuck.get(10, TimeUnit.SECONDS);
  }

  @Test
  void refresh_whenTheCacheIsUnavailable_fetchesWithoutCoordination_andKeepsTheTokenInMemory() {
    JCacheTokenStore store = store(new RecordingSleeper(clock));
    manager.close();
    AtomicInteger fetches = new AtomicInteger();

    AccessToken t = store.refresh(KEY, notExpiring(clock), () -> {
      fetches.incrementAndGet();
      return token("alone", Duration.ofMinutes(15));
    });

    assertThat(t.value()).isEqualTo("alone");
    assertThat(fetches).hasValue(1);
    assertThat(store.get(KEY)).contains(t); // not one token request per call while the cluster is down
  }

  @Test
  void removeIfStillExpected_keepsAFreshTokenAnotherInstanceStored() {
    JCacheTokenStore a = store(new RecordingSleeper(clock));
    JCacheTokenStore b = store(new RecordingSleeper(clock));
    AccessToken rejected = token("rejected", Duration.ofMinutes(15));
    AccessToken fresh = token("fresh", Duration.ofMinutes(15));
    a.put(KEY, rejected);
    b.put(KEY, fresh);

    a.remove(KEY, rejected);
    assertThat(b.get(KEY)).contains(fresh);

    a.remove(KEY, fresh);
    assertThat(store(new RecordingSleeper(clock)).get(KEY)).isEmpty();
  }

  @Test
  void get_servesTheTokenItLastSaw_butARefreshReadsTheCluster() {
    JCacheTokenStore a = store(new RecordingSleeper(clock));
    JCacheTokenStore b = store(new RecordingSleeper(clock));
    AccessToken first = token("first", Duration.ofMinutes(15));
    AccessToken second = token("second", Duration.ofMinutes(15));
    a.put(KEY, first);
    assertThat(b.get(KEY)).contains(first);
    a.put(KEY, second); // replaced early, as after a rejection

    assertThat(b.get(KEY)).contains(first);
    assertThat(b.refresh(KEY, t -> !t.equals(first), mustNotFetch())).isEqualTo(second);
    assertThat(b.get(KEY)).contains(second);
  }

  @Test
  void toString_neverShowsTheToken_andBadArgumentsAreNamed() {
    JCacheTokenStore store = store(new RecordingSleeper(clock));
    store.put(KEY, token("very-secret-token", Duration.ofMinutes(15)));

    assertThat(store.toString()).doesNotContain("very-secret-token");
    assertThatThrownBy(() -> store.get(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key");
    assertThatThrownBy(() -> JCacheTokenStore.builder(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("manager");
    assertThatThrownBy(() -> JCacheTokenStore.builder(manager).leaseTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaseTimeout");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
