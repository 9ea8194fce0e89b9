package dev.titanj.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.accounting.Accounting;
import dev.titanj.core.CacheSettings;
import dev.titanj.core.Environment;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.RateLimit;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import dev.titanj.crm.Crm;
import dev.titanj.crm.model.Customer;
import dev.titanj.dispatch.Dispatch;
import dev.titanj.settings.Settings;
import dev.titanj.testing.FakeServiceTitan;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public entry point of core and one generated repository per module, fed null, blank,
 * negative, too-large and malformed arguments: each fails with an IllegalArgumentException whose
 * message names the argument, and the fake server sees no request at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  private FakeServiceTitan fake;
  private ServiceTitan st;

  @BeforeAll
  void start() {
    fake = FakeServiceTitan.start(FakeServiceTitan.Options.defaults().customers(120));
    st = fake.clientBuilder().build();
  }

  @AfterAll
  void stop() {
    st.close();
    // Nothing above reached the network: not even a token request.
    assertThat(fake.requests()).isEmpty();
    assertThat(fake.tokenRequestCount()).isZero();
    fake.close();
  }

  interface Call {
    void run() throws Exception;
  }

  private static Arguments row(String entryPoint, String argument, Call call) {
    return Arguments.of(entryPoint, argument, call);
  }

  private static List<Long> ids(int n) {
    return LongStream.rangeClosed(1, n).boxed().collect(Collectors.toList());
  }

  Stream<Arguments> core() {
    Map<String, String> env = new HashMap<>(Map.of("ST_CLIENT_ID", "id",
        "ST_CLIENT_SECRET", "secret", "ST_APP_KEY", "key", "ST_TENANT_ID", "12"));
    Map<String, String> badTenant = new HashMap<>(env);
    badTenant.put("ST_TENANT_ID", "twelve");
    Map<String, String> noSecret = new HashMap<>(env);
    noSecret.remove("ST_CLIENT_SECRET");
    Map<String, String> halfCustom = new HashMap<>(env);
    halfCustom.put("ST_API_BASE_URL", "https://api.example.com");
    return Stream.of(
        row("builder.environment(null)", "environment", () -> ServiceTitan.builder().environment(null)),
        row("builder.clientCredentials(null, s)", "clientId", () -> ServiceTitan.builder().clientCredentials(null, "s")),
        row("builder.clientCredentials(blank, s)", "clientId", () -> ServiceTitan.builder().clientCredentials("  ", "s")),
        row("builder.clientCredentials(id, null)", "clientSecret", () -> ServiceTitan.builder().clientCredentials("id", null)),
        row("builder.clientCredentials(id, blank)", "clientSecret", () -> ServiceTitan.builder().clientCredentials("id", "")),
        row("builder.appKey(null)", "appKey", () -> ServiceTitan.builder().appKey(null)),
        row("builder.appKey(blank)", "appKey", () -> ServiceTitan.builder().appKey(" \t")),
        row("builder.tenant(0)", "tenant", () -> ServiceTitan.builder().tenant(0)),
        row("builder.tenant(-1)", "tenant", () -> ServiceTitan.builder().tenant(-1)),
        row("builder.connectTimeout(null)", "connectTimeout", () -> ServiceTitan.builder().connectTimeout(null)),
        row("builder.connectTimeout(0)", "connectTimeout", () -> ServiceTitan.builder().connectTimeout(Duration.ZERO)),
        row("builder.readTimeout(-1s)", "readTimeout", () -> ServiceTitan.builder().readTimeout(Duration.ofSeconds(-1))),
        row("builder.callTimeout(0)", "callTimeout", () -> ServiceTitan.builder().callTimeout(Duration.ZERO)),
        row("builder.tokenRefreshMargin(null)", "tokenRefreshMargin", () -> ServiceTitan.builder().tokenRefreshMargin(null)),
        row("builder.tokenRefreshMargin(-1s)", "tokenRefreshMargin", () -> ServiceTitan.builder().tokenRefreshMargin(Duration.ofSeconds(-1))),
        row("builder.retryPolicy(null)", "retryPolicy", () -> ServiceTitan.builder().retryPolicy(null)),
        row("builder.tokenStore(null)", "tokenStore", () -> ServiceTitan.builder().tokenStore(null)),
        row("builder.cache(null)", "cache", () -> ServiceTitan.builder().cache(null)),
        row("builder.rateLimit(null)", "rateLimit", () -> ServiceTitan.builder().rateLimit(null)),
        row("builder.clock(null)", "clock", () -> ServiceTitan.builder().clock(null)),
        row("builder.sleeper(null)", "sleeper", () -> ServiceTitan.builder().sleeper(null)),
        row("builder.httpClient(null)", "httpClient", () -> ServiceTitan.builder().httpClient(null)),
        row("builder.build() without environment", "environment", () -> ServiceTitan.builder().build()),
        row("builder.build() without credentials", "clientCredentials", () -> ServiceTitan.builder().environment(Environment.INTEGRATION).build()),
        row("builder.build() without appKey", "appKey", () -> ServiceTitan.builder().environment(Environment.INTEGRATION).clientCredentials("a", "b").build()),
        row("builder.build() without tenant", "tenant", () -> ServiceTitan.builder().environment(Environment.INTEGRATION).clientCredentials("a", "b").appKey("k").build()),
        row("fromEnv(null)", "env", () -> ServiceTitan.fromEnv(null)),
        row("fromEnv without ST_CLIENT_SECRET", "ST_CLIENT_SECRET", () -> ServiceTitan.fromEnv(noSecret)),
        row("fromEnv with ST_TENANT_ID=twelve", "ST_TENANT_ID", () -> ServiceTitan.fromEnv(badTenant)),
        row("fromEnv with only ST_API_BASE_URL", "ST_AUTH_BASE_URL", () -> ServiceTitan.fromEnv(halfCustom)),
        row("withTenant(0, ...)", "tenantId", () -> st.withTenant(0, "id", "secret")),
        row("withTenant(t, blank, s)", "clientId", () -> st.withTenant(5, " ", "secret")),
        row("withTenant(t, id, null)", "clientSecret", () -> st.withTenant(5, "id", null)),
        row("Environment.custom(null URI, ...)", "apiBase", () -> Environment.custom((URI) null, URI.create("https://a.example.com"))),
        row("Environment.custom(..., null URI)", "authBase", () -> Environment.custom(URI.create("https://a.example.com"), null)),
        row("Environment.custom(blank, ...)", "apiBase", () -> Environment.custom(" ", "https://a.example.com")),
        row("Environment.custom(relative, ...)", "apiBase", () -> Environment.custom("api/v2", "https://a.example.com")),
        row("Environment.custom(malformed, ...)", "apiBase", () -> Environment.custom("https://exa mple.com", "https://a.example.com")),
        row("Environment.custom(http public, ...)", "apiBase", () -> Environment.custom("http://api.example.com", "https://a.example.com")),
        row("Environment.named(null)", "environment", () -> Environment.named(null)),
        row("Environment.named(staging)", "environment", () -> Environment.named("staging")),
        row("CacheSettings.Resource.on(null ttl)", "ttl", () -> CacheSettings.Resource.on(null, 10)),
        row("CacheSettings.Resource.on(0 ttl)", "ttl", () -> CacheSettings.Resource.on(Duration.ZERO, 10)),
        row("CacheSettings.Resource.on(heapEntries 0)", "heapEntries", () -> CacheSettings.Resource.on(Duration.ofMinutes(1), 0)),
        row("CacheSettings.Resource.on(offHeap -1)", "offHeapMegabytes", () -> CacheSettings.Resource.on(Duration.ofMinutes(1), 10, -1)),
        row("CacheSettings.builder().resource(blank, ...)", "resource", () -> CacheSettings.builder().resource("", CacheSettings.Resource.off())),
        row("CacheSettings.builder().resource(name, null)", "settings", () -> CacheSettings.builder().resource("crm.customers", null)),
        row("CacheSettings.builder().referenceData(null)", "settings", () -> CacheSettings.builder().referenceData(null)),
        row("CacheSettings.builder().provider(blank, uri)", "cachingProviderClassName", () -> CacheSettings.builder().provider(" ", null)),
        row("RetryPolicy.maxAttempts(0)", "maxAttempts", () -> RetryPolicy.builder().maxAttempts(0)),
        row("RetryPolicy.maxAttempts(21)", "maxAttempts", () -> RetryPolicy.builder().maxAttempts(21)),
        row("RetryPolicy.initialBackoff(null)", "initialBackoff", () -> RetryPolicy.builder().initialBackoff(null)),
        row("RetryPolicy.initialBackoff(-1ms)", "initialBackoff", () -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1))),
        row("RetryPolicy.maxBackoff(0)", "maxBackoff", () -> RetryPolicy.builder().maxBackoff(Duration.ZERO)),
        row("RetryPolicy.maxRetryAfter(null)", "maxRetryAfter", () -> RetryPolicy.builder().maxRetryAfter(null)),
        row("RetryPolicy.build() maxBackoff < initialBackoff", "maxBackoff", () -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(5)).maxBackoff(Duration.ofSeconds(1)).build()),
        row("RateLimit.perSecond(0)", "requestsPerSecond", () -> RateLimit.perSecond(0)),
        row("RateLimit.perSecond(-5)", "requestsPerSecond", () -> RateLimit.perSecond(-5)),
        row("RateLimit.perSecond(10001)", "requestsPerSecond", () -> RateLimit.perSecond(10_001)),
        row("ExportCursor.since(null)", "date", () -> ExportCursor.since(null)));
  }

  Stream<Arguments> queries() {
    List<Long> withNull = new ArrayList<>(ids(3));
    withNull.add(null);
    return Stream.of(
        row("query().pageSize(0)", "pageSize", () -> Crm.of(st).customers().query().pageSize(0)),
        row("query().pageSize(-1)", "pageSize", () -> Crm.of(st).customers().query().pageSize(-1)),
        row("query().pageSize(6000)", "pageSize", () -> Crm.of(st).customers().query().pageSize(6000)),
        row("query().limit(0)", "limit", () -> Crm.of(st).customers().query().limit(0)),
        row("query().parallelism(0)", "parallelism", () -> Crm.of(st).customers().query().parallelism(0)),
        row("query().parallelism(17)", "parallelism", () -> Crm.of(st).customers().query().parallelism(17)),
        row("query().withParameter(null, v)", "name", () -> Crm.of(st).customers().query().withParameter(null, "v")),
        row("query().withParameter(blank, v)", "name", () -> Crm.of(st).customers().query().withParameter(" ", "v")),
        row("query().withParameter(n, null)", "value", () -> Crm.of(st).customers().query().withParameter("n", null)),
        row("query().withParameter(page, 2)", "page", () -> Crm.of(st).customers().query().withParameter("page", "2")),
        row("query().page(0)", "page", () -> Crm.of(st).customers().query().page(0)),
        row("query().ids(51 ids)", "ids", () -> Crm.of(st).customers().query().ids(ids(51))),
        row("query().ids(null)", "ids", () -> Crm.of(st).customers().query().ids((java.util.Collection<Long>) null)),
        row("query().ids(empty)", "ids", () -> Crm.of(st).customers().query().ids(List.of())),
        row("query().ids([1, 2, 3, null])", "ids", () -> Crm.of(st).customers().query().ids(withNull)),
        row("query().sort(null)", "sort", () -> Crm.of(st).customers().query().sort(null)),
        row("query().name(null)", "name", () -> Crm.of(st).customers().query().name(null)),
        row("query().active(null)", "active", () -> Crm.of(st).customers().query().active(null)),
        row("query().createdBefore(null)", "createdBefore", () -> Crm.of(st).customers().query().createdBefore(null)));
  }

  Stream<Arguments> repositories() {
    List<Long> withNull = new ArrayList<>(ids(2));
    withNull.add(null);
    return Stream.of(
        row("Crm.of(null)", "serviceTitan", () -> Crm.of(null)),
        row("crm customers.findById(0)", "id", () -> Crm.of(st).customers().findById(0)),
        row("crm customers.findById(-1)", "id", () -> Crm.of(st).customers().findById(-1)),
        row("crm customers.getById(0)", "id", () -> Crm.of(st).customers().getById(0)),
        row("crm customers.findAllById(null)", "ids", () -> Crm.of(st).customers().findAllById((java.util.Collection<Long>) null)),
        row("crm customers.findAllById([1, 2, null])", "ids", () -> Crm.of(st).customers().findAllById(withNull)),
        row("crm customers.findAllById([0])", "id", () -> Crm.of(st).customers().findAllById(List.of(0L))),
        row("crm customers.update(0, ...)", "id", () -> Crm.of(st).customers().update(0, null)),
        row("crm customers.update(1, null)", "request", () -> Crm.of(st).customers().update(1, null)),
        row("crm customers.create(null)", "request", () -> Crm.of(st).customers().create(null)),
        row("crm customers.notes(-1)", "customerId", () -> Crm.of(st).customers().notes(-1)),
        row("crm customers.export(null)", "cursor", () -> Crm.of(st).customers().export(null)),
        row("Accounting.of(null)", "serviceTitan", () -> Accounting.of(null)),
        row("accounting invoices.findById(0)", "id", () -> Accounting.of(st).invoices().findById(0)),
        row("accounting invoices.findById(-1)", "id", () -> Accounting.of(st).invoices().findById(-1)),
        row("accounting invoices.findAllById(null)", "ids", () -> Accounting.of(st).invoices().findAllById((java.util.Collection<Long>) null)),
        row("accounting invoices.findAllById([1, 2, null])", "ids", () -> Accounting.of(st).invoices().findAllById(withNull)),
        row("accounting invoices.query().pageSize(0)", "pageSize", () -> Accounting.of(st).invoices().query().pageSize(0)),
        row("accounting invoices.query().pageSize(6000)", "pageSize", () -> Accounting.of(st).invoices().query().pageSize(6000)),
        row("accounting invoices.query().ids(51 ids)", "ids", () -> Accounting.of(st).invoices().query().ids(ids(51))),
        row("accounting payments.create(null)", "request", () -> Accounting.of(st).payments().create(null)),
        row("Settings.of(null)", "serviceTitan", () -> Settings.of(null)),
        row("settings businessUnits.findById(0)", "id", () -> Settings.of(st).businessUnits().findById(0)),
        row("settings businessUnits.findById(-1)", "id", () -> Settings.of(st).businessUnits().findById(-1)),
        row("settings businessUnits.findAllById(null)", "ids", () -> Settings.of(st).businessUnits().findAllById((java.util.Collection<Long>) null)),
        row("settings businessUnits.query().pageSize(6000)", "pageSize", () -> Settings.of(st).businessUnits().query().pageSize(6000)),
        row("settings businessUnits.query().ids(51 ids)", "ids", () -> Settings.of(st).businessUnits().query().ids(ids(51))),
        row("settings businessUnits.query().name(null)", "name", () -> Settings.of(st).businessUnits().query().name(null)),
        row("settings businessUnits.update(1, null)", "request", () -> Settings.of(st).businessUnits().update(1, null)),
        row("Dispatch.of(null)", "serviceTitan", () -> Dispatch.of(null)),
        row("dispatch zones.findById(0)", "id", () -> Dispatch.of(st).zones().findById(0)),
        row("dispatch zones.findById(-1)", "id", () -> Dispatch.of(st).zones().findById(-1)),
        row("dispatch zones.query().pageSize(0)", "pageSize", () -> Dispatch.of(st).zones().query().pageSize(0)),
        row("dispatch zones.create(null)", "request", () -> Dispatch.of(st).zones().create(null)),
        row("dispatch zones.delete(0)", "id", () -> Dispatch.of(st).zones().delete(0)),
        row("dispatch appointmentAssignments.findAllById(null)", "ids", () -> Dispatch.of(st).appointmentAssignments().findAllById((java.util.Collection<Long>) null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"core", "queries", "repositories"})
  void badArgument_failsWithIllegalArgumentExceptionNamingIt_beforeAnyNetworkCall(
      String entryPoint, String argument, Call call) {
    assertThatThrownBy(call::run).as(entryPoint)
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(argument);
  }

  /** Not an error: more than 50 ids are split into batches of 50 (checked after the table). */
  @Test
  void findAllById_withMoreThan50Ids_isBatched() {
    List<Long> all = fake.records("crm/customers").stream()
        .map(r -> ((Number) r.get("id")).longValue()).collect(Collectors.toList());
    List<Long> wanted = new ArrayList<>(all.subList(0, 101));
    Collections.reverse(wanted);
    try (FakeServiceTitan other = FakeServiceTitan.start(
        FakeServiceTitan.Options.defaults().customers(120));
        ServiceTitan client = other.clientBuilder().build()) {
      List<Customer> found = Crm.of(client).customers().findAllById(wanted);
      assertThat(found).extracting(Customer::id).containsExactlyElementsOf(wanted);
      assertThat(other.requests()).filteredOn(r -> r.path().endsWith("/customers"))
          .hasSize(3).allSatisfy(r -> assertThat(Arrays.asList(
              r.queryParameter("ids").orElseThrow().split(","))).hasSizeLessThanOrEqualTo(50));
    }
  }

}
