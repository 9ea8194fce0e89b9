package dev.titanj.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.cache.HazelcastMemberCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import dev.titanj.core.CacheSettings;
import dev.titanj.core.JCacheTokenStore;
import dev.titanj.core.RateLimit;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.query.SampleRepository;
import dev.titanj.core.support.ManualClock;
import dev.titanj.core.support.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.cache.CacheManager;
import javax.cache.spi.CachingProvider;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three application instances, each with its own embedded Hazelcast member (one JVM, TCP/IP join
 * on 127.0.0.1 only, multicast and auto-detection off) and its own {@link ServiceTitan} client,
 * against one loopback ServiceTitan: they share one token, one response cache and one request
 * budget, and survive a member leaving. Members are shared by the class (starting them is slow).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HazelcastClusterTest {
  private static final int BASE_PORT = 15701;
  private static final String RES = SampleRepository.RESOURCE;

  private final String clusterName = "titanj-test-" + UUID.randomUUID();
  private final List<HazelcastInstance> members = new ArrayList<>();
  private final List<CacheManager> managers = new ArrayList<>();
  private final List<ServiceTitan> clients = new ArrayList<>();
  private ClusterServer server;

  @BeforeAll
  void startMembers() {
    System.setProperty("hazelcast.jcache.provider.type", "member");
    for (int i = 0; i < 3; i++) {
      HazelcastInstance member = Hazelcast.newHazelcastInstance(memberConfig(i));
      members.add(member);
      // Hazelcast scopes JCache names by the manager's URI and class loader: every instance uses
      // the defaults, as separate JVMs would, with a provider of its own bound to its member.
      CachingProvider provider = new HazelcastMemberCachingProvider();
      managers.add(provider.getCacheManager(provider.getDefaultURI(),
          provider.getDefaultClassLoader(),
          HazelcastCachingProvider.propertiesByInstanceItself(member)));
    }
    assertThat(members.get(0).getCluster().getMembers()).hasSize(3);
  }

  private Config memberConfig(int i) {
    Config c = new Config();
    c.setClusterName(clusterName);
    c.setInstanceName(clusterName + "-" + i);
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.logging.type", "slf4j");
    c.setProperty("hazelcast.wait.seconds.before.join", "0");
    c.setProperty("hazelcast.partition.count", "31");
    c.setProperty("hazelcast.socket.bind.any", "false");
    NetworkConfig net = c.getNetworkConfig();
    net.setPort(BASE_PORT).setPortAutoIncrement(true).setPortCount(10);
    net.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = net.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    for (int port = BASE_PORT; port < BASE_PORT + 4; port++) {
      join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port);
    }
    return c;
  }

  @AfterAll
  void stopMembers() {
    managers.forEach(CacheManager::close);
    members.forEach(HazelcastInstance::shutdown);
  }

  @BeforeEach
  void startServer() throws Exception {
    server = new ClusterServer();
  }

  @AfterEach
  void stopClients() throws Exception {
    clients.forEach(ServiceTitan::close);
    clients.clear();
    server.close();
  }

  private ServiceTitan track(ServiceTitan st) {
    clients.add(st);
    return st;
  }

  /** Instance {@code i}'s client of tenant 1 with the shared token store. */
  private ServiceTitan.Builder instance(int i, String clientId) {
    return server.client(1, clientId)
        .cache(CacheSettings.disabled())
        .rateLimit(RateLimit.unlimited())
        .tokenStore(JCacheTokenStore.create(managers.get(i)));
  }

  @Test
  @Order(1)
  void concurrentCallsOnThreeInstances_sendOneTokenRequestForAll() throws Exception {
    server.tokenDelay(300); // every instance asks while the first request is still in flight
    List<ServiceTitan> sts = List.of(track(instance(0, "client-a").build()),
        track(instance(1, "client-a").build()), track(instance(2, "client-a").build()));
    ExecutorService pool = Executors.newFixedThreadPool(9);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> calls = new ArrayList<>();
      for (int t = 0; t < 9; t++) {
        SampleRepository repo = new SampleRepository(sts.get(t % 3));
        long id = t + 1;
        calls.add(pool.submit(() -> {
          go.await();
          return repo.findById(id).orElseThrow();
        }));
      }
      go.countDown();
      for (Future<?> f : calls) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(server.tokensIssued()).isEqualTo(1);
    assertThat(sts.stream().mapToLong(ServiceTitan::tokenRequestCount).sum()).isEqualTo(1);
    assertThat(server.requests()).hasSize(9).allSatisfy(r -> assertThat(r.bearer).isEqualTo("tok-1"));
  }

  @Test
  @Order(2)
  void aRefreshOrARejection_byOneInstance_isSeenByTheOthers() {
    ManualClock clock = ManualClock.atEpochDay();
    ServiceTitan a = track(server.client(1, "client-a").clock(clock).cache(CacheSettings.disabled())
        .rateLimit(RateLimit.unlimited())
        .tokenStore(JCacheTokenStore.builder(managers.get(0)).clock(clock).build()).build());
    ServiceTitan b = track(server.client(1, "client-a").clock(clock).cache(CacheSettings.disabled())
        .rateLimit(RateLimit.unlimited())
        .tokenStore(JCacheTokenStore.builder(managers.get(1)).clock(clock).build()).build());
    SampleRepository onA = new SampleRepository(a);
    SampleRepository onB = new SampleRepository(b);

    onA.findById(1);
    onB.findById(1);
    clock.advance(Duration.ofSeconds(850)); // within the 60 s refresh margin of the 900 s token
    onB.findById(2);
    onA.findById(2);
    server.reject("tok-2", 2); // the API stops accepting tok-2 early
    onA.findById(3); // 401, one refresh, one replay
    onB.findById(3); // 401, adopts A's new token, one replay

    assertThat(server.tokensIssued()).isEqualTo(3);
    assertThat(a.tokenRequestCount()).isEqualTo(2);
    assertThat(b.tokenRequestCount()).isEqualTo(1);
    assertThat(server.requests()).extracting(r -> r.path + " " + r.bearer).containsExactly(
        "/test/v2/tenant/1/samples/1 tok-1", "/test/v2/tenant/1/samples/1 tok-1",
        "/test/v2/tenant/1/samples/2 tok-2", "/test/v2/tenant/1/samples/2 tok-2",
        "/test/v2/tenant/1/samples/3 tok-2", "/test/v2/tenant/1/samples/3 tok-3",
        "/test/v2/tenant/1/samples/3 tok-2", "/test/v2/tenant/1/samples/3 tok-3");
  }

  @Test
  @Order(3)
  void tokens_areKeptApartByTenantAndClientId() {
    ServiceTitan t1 = track(instance(0, "client-a").build());
    ServiceTitan t2 = track(server.client(2, "client-b").cache(CacheSettings.disabled())
        .rateLimit(RateLimit.unlimited()).tokenStore(JCacheTokenStore.create(managers.get(1)))
        .build());
    ServiceTitan rotated = track(instance(2, "client-c").build()); // same tenant, new credentials

    new SampleRepository(t1).findById(1);
    new SampleRepository(t2).findById(1);
    new SampleRepository(rotated).findById(1);
    new SampleRepository(t1).findById(2);
    new SampleRepository(t2).findById(2);
    new SampleRepository(rotated).findById(2);

    assertThat(server.tokenClients()).containsExactly("client-a", "client-b", "client-c");
    assertThat(server.requests()).extracting(r -> r.path + " " + r.bearer).containsExactly(
        "/test/v2/tenant/1/samples/1 tok-1", "/test/v2/tenant/2/samples/1 tok-2", "/test/v2/tenant/1/samples/1 tok-3",
        "/test/v2/tenant/1/samples/2 tok-1", "/test/v2/tenant/2/samples/2 tok-2", "/test/v2/tenant/1/samples/2 tok-3");
  }

  @Test
  @Order(4)
  void aWriteThroughOneInstance_evictsTheRecordOnTheOthers() {
    List<SampleRepository> repos = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      repos.add(new SampleRepository(track(instance(i, "client-a")
          .cache(CacheSettings.builder()
              .cacheManager(managers.get(i))
              .resource(RES, CacheSettings.Resource.on(Duration.ofMinutes(5), 1_000))
              .build())
          .build())));
    }

    assertThat(repos.get(0).findById(7)).map(s -> s.name).contains("sample-7");
    assertThat(repos.get(1).findById(7)).map(s -> s.name).contains("sample-7"); // a shared hit
    repos.get(2).rename(7, "renamed on C");
    assertThat(repos.get(0).findById(7)).map(s -> s.name).contains("renamed on C");
    assertThat(repos.get(1).findById(7)).map(s -> s.name).contains("renamed on C");

    assertThat(server.requests()).extracting(Object::toString).containsExactly(
        "GET /test/v2/tenant/1/samples/7", "PATCH /test/v2/tenant/1/samples/7", "GET /test/v2/tenant/1/samples/7");
    assertThat(clients.get(1).cacheStatistics().hits(RES)).isEqualTo(2);
  }

  @Test
  @Order(5)
  void aReadOnOneInstanceRacingAWriteOnAnother_neverLeavesTheOldRecordCached() {
    List<SampleRepository> repos = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      repos.add(new SampleRepository(track(instance(i, "client-a")
          .cache(CacheSettings.builder()
              .cacheManager(managers.get(i))
              .resource(RES, CacheSettings.Resource.on(Duration.ofMinutes(5), 1_000))
              .build())
          .build())));
    }
    // B's load reads the old record; A's write and its eviction land before B stores it.
    server.beforeNextGetAnswer(() -> repos.get(0).rename(9, "written by A"));

    assertThat(repos.get(1).findById(9)).map(s -> s.name).contains("sample-9");
    assertThat(repos.get(1).findById(9)).map(s -> s.name).contains("written by A");
    assertThat(repos.get(0).findById(9)).map(s -> s.name).contains("written by A");

    assertThat(server.requests()).extracting(Object::toString).containsExactly(
        "GET /test/v2/tenant/1/samples/9", "PATCH /test/v2/tenant/1/samples/9", "GET /test/v2/tenant/1/samples/9");
  }

  @Test
  @Order(6)
  void aSharedRateLimit_holdsTheCombinedRate_onAnInjectedClock() {
    ManualClock clock = ManualClock.atEpochDay();
    Instant start = clock.instant();
    List<Instant> sent = new CopyOnWriteArrayList<>();
    OkHttpClient recording = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
      if (!chain.request().url().encodedPath().equals("/connect/token")) {
        sent.add(clock.instant());
      }
      return chain.proceed(chain.request());
    }).build();
    List<SampleRepository> repos = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      repos.add(new SampleRepository(track(instance(i, "client-a")
          .clock(clock)
          .sleeper(new RecordingSleeper(clock))
          .httpClient(recording)
          .rateLimit(RateLimit.shared(managers.get(i), 10))
          .build())));
    }

    for (int n = 0; n < 60; n++) {
      repos.get(n % 3).findById(n + 1);
    }

    // Three separate 10/s budgets would let 60 requests through in about 1.9 s; one shared
    // budget (burst 1) needs 5.9 s.
    assertThat(Duration.between(start, clock.instant()))
        .isBetween(Duration.ofMillis(5_900), Duration.ofMillis(6_000));
    assertThat(sent).hasSize(60);
    for (Instant from : sent) {
      long inWindow = sent.stream()
          .filter(t -> !t.isBefore(from) && t.isBefore(from.plusSeconds(1))).count();
      assertThat(inWindow).isLessThanOrEqualTo(10);
    }
  }

  @Test
  @Order(7)
  void aMemberLeaving_doesNotBreakTheOthers() throws Exception {
    List<SampleRepository> repos = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      repos.add(new SampleRepository(track(instance(i, "client-a")
          .cache(CacheSettings.builder()
              .cacheManager(managers.get(i))
              .resource(RES, CacheSettings.Resource.on(Duration.ofMinutes(5), 1_000))
              .build())
          .rateLimit(RateLimit.shared(managers.get(i), 1_000))
          .build())));
    }
    for (long id = 1; id <= 20; id++) {
      repos.get((int) (id % 3)).findById(id); // entries and the token spread over all members
    }

    CountDownLatch left = new CountDownLatch(1);
    members.get(0).getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {}

      @Override
      public void memberRemoved(MembershipEvent event) {
        left.countDown();
      }
    });

    // Instance C stops: its client closes, then its member leaves the cluster.
    clients.get(2).close();
    managers.get(2).close();
    members.get(2).shutdown();
    assertThat(left.await(60, TimeUnit.SECONDS)).isTrue();

    for (long id = 1; id <= 20; id++) {
      assertThat(repos.get(0).findById(id)).map(s -> s.name).contains("sample-" + id);
      assertThat(repos.get(1).findById(id)).map(s -> s.name).contains("sample-" + id);
    }
    repos.get(0).rename(5, "after the leave");
    assertThat(repos.get(1).findById(5)).map(s -> s.name).contains("after the leave");

    assertThat(members.get(0).getCluster().getMembers()).hasSize(2);
    assertThat(server.tokensIssued()).isEqualTo(1);
    assertThat(server.count("GET")).isEqualTo(21); // 20 loads before, one after the write
  }
}
