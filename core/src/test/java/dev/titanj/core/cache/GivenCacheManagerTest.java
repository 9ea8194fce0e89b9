package dev.titanj.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.query.SampleRepository;
import dev.titanj.core.query.SampleServer;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.ehcache.config.builders.ConfigurationBuilder;
import org.ehcache.jsr107.EhcacheCachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A JCache manager the application already has, passed with {@code CacheSettings.cacheManager}. */
class GivenCacheManagerTest {
  private final CacheManager manager = ((EhcacheCachingProvider) Caching.getCachingProvider(
      CacheSettings.EHCACHE_PROVIDER)).getCacheManager(
          URI.create("urn:x-titanj-test:" + UUID.randomUUID()),
          ConfigurationBuilder.newConfigurationBuilder().build());

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void aGivenManager_holdsTheEntries_andOutlivesTheClient() throws Exception {
    CacheSettings settings = CacheSettings.builder()
        .cacheManager(manager)
        .resource(SampleRepository.RESOURCE, CacheSettings.Resource.on(Duration.ofMinutes(5), 100))
        .build();
    try (SampleServer server = new SampleServer()) {
      server.seed(1, 10);
      try (ServiceTitan st = server.client(1).cache(settings).build()) {
        SampleRepository samples = new SampleRepository(st);
        samples.findById(3);
        samples.findById(3);
        assertThat(st.cacheStatistics().hits(SampleRepository.RESOURCE)).isEqualTo(1);
      }
      // A second client (another instance) on the same manager finds the entry there.
      try (ServiceTitan st = server.client(1).cache(settings).build()) {
        new SampleRepository(st).findById(3);
        assertThat(st.cacheStatistics().hits(SampleRepository.RESOURCE)).isEqualTo(1);
      }
      assertThat(server.requests()).hasSize(1);
    }
    assertThat(manager.isClosed()).isFalse();
    assertThat(manager.getCacheNames()).contains("titanj." + SampleRepository.RESOURCE);
    assertThat(settings.isEmbeddedEhcache()).isFalse();
  }

  @Test
  void aCacheThatCannotBeReached_isBypassed_andWritesStillSucceed() throws Exception {
    CacheSettings settings = CacheSettings.builder()
        .cacheManager(manager)
        .resource(SampleRepository.RESOURCE, CacheSettings.Resource.on(Duration.ofMinutes(5), 100))
        .build();
    try (SampleServer server = new SampleServer()) {
      server.seed(1, 10);
      try (ServiceTitan st = server.client(1).cache(settings).build()) {
        SampleRepository samples = new SampleRepository(st);
        samples.findById(3);
        manager.close(); // the cluster is gone: every cache operation now throws

        assertThat(samples.findById(3)).map(s -> s.name).contains("t1-3");
        assertThat(samples.rename(3, "renamed").name).isEqualTo("renamed");
        assertThat(samples.findById(3)).map(s -> s.name).contains("renamed");
      }
      assertThat(server.requests()).extracting(r -> r.method)
          .containsExactly("GET", "GET", "PATCH", "GET");
    }
  }

  @Test
  void aClosedOrMissingManager_isRejected() {
    assertThatThrownBy(() -> CacheSettings.builder().cacheManager(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cacheManager");
    manager.close();
    assertThatThrownBy(() -> CacheSettings.builder().cacheManager(manager))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closed");
  }
}
