package dev.titanj.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.AccessToken;
import dev.titanj.core.CacheSettings;
import dev.titanj.core.Environment;
import dev.titanj.core.RateLimit;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanException;
import dev.titanj.core.TokenStore;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.crm.Crm;
import dev.titanj.crm.model.Customer;
import dev.titanj.reliability.FaultProxy.Fault;
import dev.titanj.testing.FakeServiceTitan;
import dev.titanj.testing.FixtureScanner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTPS only, no credentials across redirects, no secrets in toString or fixtures, isolation. */
@Timeout(60)
class SecurityTest {

  // ---------------------------------------------------------------- HTTPS only

  @ParameterizedTest
  @ValueSource(strings = {"http://api.example.com", "http://10.0.0.5:8080", "http://0.0.0.0",
      "http://127.0.0.1.nip.io", "http://localhost.example.com", "http://api.localhost",
      "http://[::ffff:127.0.0.1]", "ftp://127.0.0.1",
      "ws://localhost", "api.servicetitan.io", "https://api.example.com?key=x"})
  void environment_rejectsPlainHttpToPublicHostsAndOtherSchemes(String url) {
    assertThatThrownBy(() -> Environment.custom(url, "https://auth.example.com"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiBase");
    assertThatThrownBy(() -> Environment.custom("https://api.example.com", url))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authBase");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost", "http://[::1]:9000",
      "http://127.3.2.1", "https://api.example.com",
      "https://api.example.com/"})
  void environment_acceptsHttpsAnywhereAndHttpOnLoopback(String url) {
    assertThatCode(() -> Environment.custom(url, url)).doesNotThrowAnyException();
  }

  @Test
  void fromEnv_rejectsPlainHttpToAPublicHost() {
    Map<String, String> env = Map.of("ST_API_BASE_URL", "http://api.example.com",
        "ST_AUTH_BASE_URL", "https://auth.example.com", "ST_CLIENT_ID", "id",
        "ST_CLIENT_SECRET", "secret", "ST_APP_KEY", "key", "ST_TENANT_ID", "1");
    assertThatThrownBy(() -> ServiceTitan.fromEnv(env))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiBase");
  }

  // ---------------------------------------------------------------- redirects

  @Test
  void redirectToAnotherHost_isNotFollowed_soNoCredentialsTravel() throws IOException {
    try (FakeServiceTitan fake = FakeServiceTitan.start();
        MockWebServer elsewhere = new MockWebServer();
        FaultProxy proxy = new FaultProxy(fake.baseUrl())) {
      elsewhere.start(InetAddress.getLoopbackAddress(), 0);
      proxy.redirectTo(URI.create("http://localhost:" + elsewhere.getPort()))
          .rule((r, i) -> FaultProxy.isToken(r) ? Fault.NONE : Fault.REDIRECT);
      OkHttpClient followingEverything = new OkHttpClient.Builder()
          .followRedirects(true).followSslRedirects(true).build();
      for (OkHttpClient base : new OkHttpClient[] {null, followingEverything}) {
        ServiceTitan.Builder b = fake.clientBuilder()
            .environment(Environment.custom(proxy.baseUrl(), proxy.baseUrl()));
        if (base != null) {
          b.httpClient(base);
        }
        try (ServiceTitan st = b.build()) {
          assertThatThrownBy(() -> Crm.of(st).customers().query().page(1))
              .isInstanceOf(TitanException.class);
        }
      }
      assertThat(elsewhere.getRequestCount()).isZero();
      assertThat(proxy.seen()).filteredOn(s -> s.fault == Fault.REDIRECT).hasSize(2)
          .allSatisfy(s -> assertThat(s.headers.get("Authorization")).startsWith("Bearer "));
      followingEverything.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void redirectOfTheTokenRequest_isNotFollowed_soTheSecretStaysHome() throws IOException {
    try (FakeServiceTitan fake = FakeServiceTitan.start();
        MockWebServer elsewhere = new MockWebServer();
        FaultProxy proxy = new FaultProxy(fake.baseUrl())) {
      elsewhere.start(InetAddress.getLoopbackAddress(), 0);
      proxy.redirectTo(URI.create("http://localhost:" + elsewhere.getPort()))
          .rule((r, i) -> FaultProxy.isToken(r) ? Fault.REDIRECT : Fault.NONE);
      try (ServiceTitan st = fake.clientBuilder()
          .environment(Environment.custom(proxy.baseUrl(), proxy.baseUrl())).build()) {
        assertThatThrownBy(() -> Crm.of(st).customers().query().page(1))
            .isInstanceOf(TitanException.class)
            .hasMessageNotContaining(FakeServiceTitan.DEFAULT_CLIENT_SECRET);
      }
      assertThat(elsewhere.getRequestCount()).isZero();
    }
  }

  // ---------------------------------------------------------------- toString

  @Test
  void toString_ofEveryPublicObject_holdsNoSecret() {
    List<String> secrets = new ArrayList<>(List.of(FakeServiceTitan.DEFAULT_CLIENT_SECRET,
        FakeServiceTitan.DEFAULT_APP_KEY));
    Map<String, AccessToken> stored = new ConcurrentHashMap<>();
    TokenStore store = new TokenStore() {
      @Override
      public Optional<AccessToken> get(String key) {
        return Optional.ofNullable(stored.get(key));
      }

      @Override
      public void put(String key, AccessToken token) {
        stored.put(key, token);
      }

      @Override
      public void remove(String key) {
        stored.remove(key);
      }
    };
    try (FakeServiceTitan fake = FakeServiceTitan.start()) {
      ServiceTitan.Builder builder = fake.clientBuilder().tokenStore(store);
      try (ServiceTitan st = builder.build()) {
        Crm.of(st).customers().query().page(1);
        stored.values().forEach(t -> secrets.add(t.value()));
        assertThat(stored).hasSize(1);
        List<Object> objects = List.of(st, builder, fake, st.environment(),
            TitanContext.of(st), TitanContext.of(st).settings(), stored.values().iterator().next(),
            TokenStore.inMemory(), RetryPolicy.defaults(), RateLimit.defaults(),
            CacheSettings.defaults(), Crm.of(st).customers().query(),
            FakeServiceTitan.Options.defaults(), fake.requests());
        for (Object o : objects) {
          for (String s : secrets) {
            assertThat(o.toString()).as(o.getClass().getName()).doesNotContain(s);
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- fixtures

  @Test
  void fixturesAndResources_holdNoCredentialOrBearerToken() throws IOException {
    Path root = Paths.get("").toAbsolutePath().getParent();
    assertThat(root.resolve("pom.xml")).exists();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().contains("/src/") && p.toString().contains("/resources/"))
          .collect(Collectors.toList());
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      assertThat(text).as(f.toString())
          .doesNotContain(FakeServiceTitan.DEFAULT_CLIENT_SECRET)
          .doesNotContain(FakeServiceTitan.DEFAULT_APP_KEY)
          .doesNotContainPattern("(?i)bearer\\s+(?!<redacted>)[A-Za-z0-9._~+/-]{16,}")
          .doesNotContainPattern("(?i)\"access_token\"\\s*:\\s*\"(?!<redacted>|"
              + FixtureScanner.SYNTHETIC_TOKEN + ")[^\"]{8,}\"")
          .doesNotContainPattern("(?i)client_secret=(?!<redacted>)[^&\\s]{4,}");
    }
    // And the testing module's own scanner (JWTs, ServiceTitan-style credentials, entropy).
    FixtureScanner.assertNoSecrets(root.resolve("testing/src/test/resources/titanj-fixtures"));
  }

  // ---------------------------------------------------------------- isolation

  /**
   * Two tenants behind one base URL (a router in front of two fake servers seeded differently):
   * the same ids hold different records, and a client and its {@code withTenant} sibling, which
   * share one cache manager, each read and cache their own.
   */
  @Test
  void cacheAndTokens_areIsolatedPerTenant_sameIdsDifferentData() {
    try (FakeServiceTitan a = FakeServiceTitan.start(FakeServiceTitan.Options.defaults()
            .tenant(111).seed(1).customers(30).clientCredentials("client-a", "secret-aaaa"));
        FakeServiceTitan b = FakeServiceTitan.start(FakeServiceTitan.Options.defaults()
            .tenant(222).seed(2).customers(30).clientCredentials("client-b", "secret-bbbb"));
        FaultProxy router = new FaultProxy(r -> {
          if (FaultProxy.isToken(r)) {
            return r.getBody().utf8().contains("client_id=client-b") ? b.baseUrl() : a.baseUrl();
          }
          return r.getUrl().encodedPath().contains("/tenant/222/") ? b.baseUrl() : a.baseUrl();
        })) {
      CacheSettings cache = CacheSettings.builder()
          .resource("crm.customers", CacheSettings.Resource.on(Duration.ofMinutes(5), 100))
          .build();
      try (ServiceTitan stA = ServiceTitan.builder()
          .environment(Environment.custom(router.baseUrl(), router.baseUrl()))
          .clientCredentials("client-a", "secret-aaaa").appKey(FakeServiceTitan.DEFAULT_APP_KEY)
          .tenant(111).cache(cache).build()) {
        ServiceTitan stB = stA.withTenant(222, "client-b", "secret-bbbb");
        List<Long> ids = a.records("crm/customers").stream()
            .map(r -> ((Number) r.get("id")).longValue()).collect(Collectors.toList());
        assertThat(b.records("crm/customers")).extracting(r -> ((Number) r.get("id")).longValue())
            .isEqualTo(ids);
        for (int round = 0; round < 2; round++) {
          for (int i = 0; i < ids.size(); i++) {
            Customer ca = Crm.of(stA).customers().findById(ids.get(i)).orElseThrow();
            Customer cb = Crm.of(stB).customers().findById(ids.get(i)).orElseThrow();
            assertThat(ca.name()).contains((String) a.records("crm/customers").get(i).get("name"));
            assertThat(cb.name()).contains((String) b.records("crm/customers").get(i).get("name"));
          }
        }
        long differing = 0;
        for (int i = 0; i < ids.size(); i++) {
          if (!a.records("crm/customers").get(i).get("name")
              .equals(b.records("crm/customers").get(i).get("name"))) {
            differing++;
          }
        }
        assertThat(differing).isGreaterThan(ids.size() / 2);
        // Second round from the cache, per tenant.
        assertThat(a.requests()).filteredOn(r -> r.path().contains("/customers/")).hasSize(30);
        assertThat(b.requests()).filteredOn(r -> r.path().contains("/customers/")).hasSize(30);
        assertThat(stA.cacheStatistics().toString()).isNotEmpty();
        // Each tenant's token went only to its own server: one each, no 401 or 403 anywhere.
        assertThat(a.tokenRequestCount()).isEqualTo(1);
        assertThat(b.tokenRequestCount()).isEqualTo(1);
        assertThat(a.requests()).allMatch(r -> r.status() == 200);
        assertThat(b.requests()).allMatch(r -> r.status() == 200);
      }
    }
  }

  @Test
  void tokens_inASharedStore_areIsolatedPerEnvironment() {
    TokenStore shared = TokenStore.inMemory();
    try (FakeServiceTitan one = FakeServiceTitan.start(
            FakeServiceTitan.Options.defaults().seed(1).customers(5));
        FakeServiceTitan two = FakeServiceTitan.start(
            FakeServiceTitan.Options.defaults().seed(2).customers(5));
        ServiceTitan st1 = one.clientBuilder().tokenStore(shared).build();
        ServiceTitan st2 = two.clientBuilder().tokenStore(shared).build()) {
      // Same tenant id, client id and secret in two environments.
      long id = ((Number) one.records("crm/customers").get(0).get("id")).longValue();
      assertThat(Crm.of(st1).customers().findById(id).orElseThrow().name())
          .contains((String) one.records("crm/customers").get(0).get("name"));
      assertThat(Crm.of(st2).customers().findById(id).orElseThrow().name())
          .contains((String) two.records("crm/customers").get(0).get("name"));
      assertThat(one.tokenRequestCount()).isEqualTo(1);
      assertThat(two.tokenRequestCount()).isEqualTo(1);
      assertThat(two.requests()).allMatch(r -> r.status() == 200);
    }
  }

}
