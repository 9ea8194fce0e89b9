package dev.titanj.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.CacheSettings;
import dev.titanj.core.CacheStatistics;
import dev.titanj.core.ServerException;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.query.Sample;
import dev.titanj.core.query.SampleRepository;
import dev.titanj.core.query.SampleServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read-through cache behind a repository, over loopback HTTP with an injected clock. */
class RepositoryCacheTest {
  private static final String RES = SampleRepository.RESOURCE;
  private static final CacheSettings CACHED = CacheSettings.builder()
      .resource(RES, CacheSettings.Resource.on(Duration.ofMinutes(5), 1000))
      .build();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<ServiceTitan> clients = new ArrayList<>();
  private SampleServer server;
  private SampleRepository samples;
  private ServiceTitan st;

  @BeforeEach
  void start() throws Exception {
    server = new SampleServer();
    server.seed(1, 200).seed(2, 200);
    st = client(1, CACHED);
    samples = new SampleRepository(st);
  }

  private ServiceTitan client(long tenant, CacheSettings cache) {
    ServiceTitan c = server.client(tenant).cache(cache).clock(clock).build();
    clients.add(c);
    return c;
  }

  @AfterEach
  void stop() throws Exception {
    clients.forEach(ServiceTitan::close);
    server.close();
  }

  private long gets() {
    return server.requests().stream().filter(r -> r.method.equals("GET")).count();
  }

  @Test
  void secondFindById_isAHit_withoutHttp() {
    Sample first = samples.findById(7).orElseThrow();
    Sample second = samples.findById(7).orElseThrow();

    assertThat(second).isSameAs(first); // store-by-reference
    assertThat(server.requests()).hasSize(1);
    CacheStatistics stats = st.cacheStatistics();
    assertThat(stats.hits(RES)).isEqualTo(1);
    assertThat(stats.misses(RES)).isEqualTo(1);
  }

  @Test
  void aWrite_evictsTheRecord_soTheNextReadSeesTheChange() {
    samples.findById(7);

    samples.rename(7, "renamed");

    assertThat(samples.findById(7)).map(s -> s.name).contains("renamed");
    assertThat(server.requests()).extracting(r -> r.method).containsExactly("GET", "PATCH", "GET");
  }

  @Test
  void aFailedWrite_stillEvicts_becauseItMayHaveBeenApplied() {
    samples.findById(7);
    server.fail("one:7", 500, 1);

    assertThatThrownBy(() -> samples.rename(7, "maybe")).isInstanceOf(ServerException.class);
    samples.findById(7);

    assertThat(server.requests()).extracting(r -> r.method).containsExactly("GET", "PATCH", "GET");
  }

  @Test
  void aBulkWrite_evictsEveryRecordOfTheResourceForThisTenantOnly() {
    SampleRepository b = new SampleRepository(st.withTenant(2, "client-2", "secret-2"));
    samples.findById(1);
    samples.findById(2);
    b.findById(1);

    samples.renameEvictingAll(1, "bulk");
    samples.findById(1);
    samples.findById(2);
    b.findById(1);

    assertThat(gets()).isEqualTo(5);
  }

  @Test
  void notFound_isNeverCached() {
    assertThat(samples.findById(999)).isEmpty();
    server.put(1, new Sample(999, "created later"));

    assertThat(samples.findById(999)).map(s -> s.name).contains("created later");
    assertThat(gets()).isEqualTo(2);
  }

  @Test
  void errors_areNeverCached() {
    server.fail("one:5", 500, 1);

    assertThatThrownBy(() -> samples.findById(5)).isInstanceOf(ServerException.class);
    assertThat(samples.findById(5)).isPresent();
    assertThat(samples.findById(5)).isPresent();

    assertThat(gets()).isEqualTo(2);
  }

  @Test
  void entries_expireAfterTheirTtl_onTheInjectedClock() {
    samples.findById(7);
    clock.advance(Duration.ofMinutes(4));
    samples.findById(7);
    assertThat(gets()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(2));
    samples.findById(7);

    assertThat(gets()).isEqualTo(2);
  }

  @Test
  void tenantAsEntry_isNeverServedToTenantB_withTenant() {
    SampleRepository a = samples;
    SampleRepository b = new SampleRepository(st.withTenant(2, "client-2", "secret-2"));

    assertThat(a.findById(1)).map(s -> s.name).contains("t1-1");
    assertThat(b.findById(1)).map(s -> s.name).contains("t2-1");
    assertThat(a.findById(1)).map(s -> s.name).contains("t1-1");
    assertThat(b.findById(1)).map(s -> s.name).contains("t2-1");

    assertThat(gets()).isEqualTo(2);
    assertThat(st.cacheStatistics().hits(RES)).isEqualTo(2);
  }

  @Test
  void tenantAsEntry_isNeverServedToTenantB_separateClients() {
    SampleRepository b = new SampleRepository(client(2, CACHED));

    samples.findById(3);
    assertThat(b.findById(3)).map(s -> s.name).contains("t2-3");
    assertThat(gets()).isEqualTo(2);
  }

  @Test
  void evictionInOneTenant_leavesTheOtherTenantsEntries() {
    SampleRepository b = new SampleRepository(st.withTenant(2, "client-2", "secret-2"));
    samples.findById(4);
    b.findById(4);

    samples.rename(4, "a-renamed");
    b.findById(4);

    assertThat(gets()).isEqualTo(2);
  }

  @Test
  void findAllById_servesCachedIds_andFetchesOnlyTheRest() {
    samples.findById(10);
    List<Long> ids = List.of(10L, 11L, 12L);

    assertThat(samples.findAllById(ids)).extracting(Sample::id).containsExactly(10L, 11L, 12L);
    SampleServer.Seen batch = server.listRequests().get(0);
    assertThat(batch.param("ids")).isEqualTo("11,12");

    assertThat(samples.findAllById(ids)).extracting(Sample::id).containsExactly(10L, 11L, 12L);
    assertThat(server.listRequests()).hasSize(1);
  }

  @Test
  void transactionalResources_areNotCachedByDefault() {
    SampleRepository plain = new SampleRepository(client(1, CacheSettings.defaults()));

    plain.findById(7);
    plain.findById(7);

    assertThat(gets()).isEqualTo(2);
  }
}
