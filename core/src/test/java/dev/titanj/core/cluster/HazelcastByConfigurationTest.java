package dev.titanj.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.titanj.core.CacheSettings;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.query.SampleRepository;
import dev.titanj.core.query.SampleServer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Switching the response cache from the embedded Ehcache to Hazelcast is configuration only: a
 * provider class name and a Hazelcast configuration URI, no Hazelcast code.
 */
class HazelcastByConfigurationTest {
  private static final String MEMBER_PROVIDER = "com.hazelcast.cache.HazelcastMemberCachingProvider";

  @BeforeAll
  static void memberProvider() {
    System.setProperty("hazelcast.jcache.provider.type", "member");
  }

  @AfterAll
  static void stopMember() {
    HazelcastInstance member = Hazelcast.getHazelcastInstanceByName("titanj-config-test");
    if (member != null) {
      member.shutdown();
    }
  }

  @Test
  void aProviderClassNameAndConfigUri_putTheCacheInHazelcast() throws Exception {
    CacheSettings settings = CacheSettings.builder()
        .provider(MEMBER_PROVIDER, URI.create("classpath:titanj-hazelcast-test.xml"))
        .resource(SampleRepository.RESOURCE, CacheSettings.Resource.on(Duration.ofMinutes(5), 100))
        .build();
    try (SampleServer server = new SampleServer()) {
      server.seed(1, 10);
      try (ServiceTitan a = server.client(1).cache(settings).build();
          ServiceTitan b = server.client(1).cache(settings).build()) {
        SampleRepository onA = new SampleRepository(a);
        SampleRepository onB = new SampleRepository(b);

        assertThat(onA.findById(3)).map(s -> s.name).contains("t1-3");
        assertThat(onB.findById(3)).map(s -> s.name).contains("t1-3"); // from Hazelcast, as JSON
        onA.rename(3, "renamed");
        assertThat(onB.findById(3)).map(s -> s.name).contains("renamed");

        assertThat(b.cacheStatistics().hits(SampleRepository.RESOURCE)).isEqualTo(1);
        assertThat(server.requests()).extracting(r -> r.method).containsExactly("GET", "PATCH", "GET");
      }
      HazelcastInstance member = Hazelcast.getHazelcastInstanceByName("titanj-config-test");
      assertThat(member).isNotNull();
      assertThat(member.getDistributedObjects()).anySatisfy(o ->
          assertThat(o.getName()).contains("titanj." + SampleRepository.RESOURCE));
    }
  }
}
