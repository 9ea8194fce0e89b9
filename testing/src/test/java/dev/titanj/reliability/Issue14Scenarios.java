package dev.titanj.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.AccessToken;
import dev.titanj.core.Active;
import dev.titanj.core.CacheSettings;
import dev.titanj.core.Environment;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.RateLimit;
import dev.titanj.core.RateLimitException;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanApiException;
import dev.titanj.core.TitanDecodingException;
import dev.titanj.core.TitanException;
import dev.titanj.core.TitanIOException;
import dev.titanj.core.TokenStore;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.crm.Crm;
import dev.titanj.crm.model.CreateCustomerRequest;
import dev.titanj.crm.model.Customer;
import dev.titanj.crm.model.CustomerAddress;
import dev.titanj.crm.model.NewLocation;
import dev.titanj.reliability.FaultProxy.Fault;
import dev.titanj.testing.FakeServiceTitan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The defects of issue 14 ("reliability and security under hostile servers"), one scenario each,
 * against the embedded fake behind {@link FaultProxy}. Each scenario asserts the fixed behaviour
 * and records in a {@link Ledger} every exception and {@code toString()} it produced and every
 * token the client received. {@link Issue14ReliabilityTest} runs them one by one; its secret scan
 * runs them all through {@link #main} in a child JVM with every logger at TRACE and scans all
 * output for the client secret, the app key and the tokens.
 */
public final class Issue14Scenarios {
  private static final Logger log = LoggerFactory.getLogger("reliability");

  private Issue14Scenarios() {}

  /** Everything a scenario produced that a user could see: messages, toString()s, tokens. */
  static final class Ledger {
    final List<String> texts = new CopyOnWriteArrayList<>();
    final Set<String> tokens = ConcurrentHashMap.newKeySet();

    /** A token store that remembers every token it is given. */
    TokenStore tokenStore() {
      Map<String, AccessToken> stored = new ConcurrentHashMap<>();
      return new TokenStore() {
        @Override
        public Optional<AccessToken> get(String key) {
          return Optional.ofNullable(stored.get(key));
        }

        @Override
        public void put(String key, AccessToken token) {
          tokens.add(token.value());
          stored.put(key, token);
        }

        @Override
        public void remove(String key) {
          stored.remove(key);
        }
      };
    }

    void object(String what, Object o) {
      String text = String.valueOf(o);
      texts.add(text);
      log.info("{}: {}", what, text);
    }

    /** Runs {@code call}, which must fail, and records the failure with its stack trace. */
    Throwable failure(String what, ThrowingCallable call) {
      Throwable[] caught = new Throwable[1];
      assertThatThrownBy(() -> {
        try {
          call.call();
        } catch (Throwable t) {
          caught[0] = t;
          throw t;
        }
      }).as(what).isNotNull();
      Throwable t = caught[0];
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      texts.add(t.toString());
      texts.add(trace.toString());
      log.info("{} failed: {}", what, t.toString());
      log.info("stack of {}: {}", what, trace);
      return t;
    }

    /** Every recorded text holding the client secret (raw or URL-encoded), app key or a token. */
    List<String> secretHits() {
      List<String> secrets = new ArrayList<>(List.of(FakeServiceTitan.DEFAULT_CLIENT_SECRET,
          java.net.URLEncoder.encode(FakeServiceTitan.DEFAULT_CLIENT_SECRET,
              StandardCharsets.UTF_8), FakeServiceTitan.DEFAULT_APP_KEY));
      secrets.addAll(tokens);
      return texts.stream().filter(t -> secrets.stream().anyMatch(t::contains))
          .collect(Collectors.toList());
    }
  }

  /** A fake with customers and small export batches, so feeds have several batches. */
  static FakeServiceTitan fake() {
    return FakeServiceTitan.start(FakeServiceTitan.Options.defaults().customers(30)
        .exportBatchSize(10));
  }

  /** A client of {@code fake} through {@code proxy}: no rate limit, no cache, no real sleeps. */
  static ServiceTitan.Builder client(FakeServiceTitan fake, FaultProxy proxy, Ledger ledger) {
    return fake.clientBuilder()
        .environment(Environment.custom(proxy.baseUrl(), proxy.baseUrl()))
        .retryPolicy(RetryPolicy.defaults())
        .rateLimit(RateLimit.unlimited())
        .cache(CacheSettings.disabled())
        .tokenStore(ledger.tokenStore())
        .sleeper(d -> { });
  }

  private static long apiRequests(FaultProxy proxy, String pathPart) {
    return proxy.seen().stream().filter(s -> !s.path.equals("/connect/token")
        && s.path.contains(pathPart)).count();
  }

  private static CreateCustomerRequest newCustomer(String name) {
    CustomerAddress address = CustomerAddress.builder().street("1 Main St").city("Springfield")
        .state("IL").zip("62701").country("USA").build();
    return CreateCustomerRequest.builder().name(name).address(address)
        .addLocations(NewLocation.builder().name("HQ").address(address).build()).build();
  }

  // ---- 1. credentials in exception messages ---------------------------------------------

  /**
   * API errors whose body and headers echo the request's {@code Authorization} and
   * {@code ST-App-Key}, and a token endpoint echoing the posted form, put no credential into
   * any message, {@code toString()} or stack trace.
   */
  static void credentialsInMessages(Ledger ledger) {
    try (FakeServiceTitan fake = fake(); FaultProxy proxy = new FaultProxy(fake.baseUrl())) {
      try (ServiceTitan st = client(fake, proxy, ledger).build()) {
        assertThat(Crm.of(st).customers().query().active(Active.ANY).page(1).items())
            .isNotEmpty();
        for (Fault echo : List.of(Fault.ECHO_400, Fault.ECHO_401, Fault.ECHO_403,
            Fault.ECHO_500)) {
          proxy.rule(FaultProxy.always(echo));
          Throwable e = ledger.failure("api " + echo,
              () -> Crm.of(st).customers().query().page(1));
          assertThat(e).isInstanceOf(TitanException.class);
          ledger.failure("api write " + echo,
              () -> Crm.of(st).customers().create(newCustomer("Echo Co")));
        }
        proxy.rule((r, i) -> FaultProxy.isToken(r) ? Fault.ECHO_500 : Fault.NONE);
        fake.revokeTokens();
        Throwable token = ledger.failure("token endpoint echo 500",
            () -> Crm.of(st).customers().query().page(1));
        assertThat(token).isInstanceOf(TitanApiException.class);
        assertThat(((TitanApiException) token).status()).isEqualTo(500);
      }
      assertThat(ledger.tokens).isNotEmpty();
      assertThat(ledger.secretHits()).isEmpty();
    }
  }

  // ---- 2. secrets readable from a built client ---------------------------------------------

  /**
   * No public member of a built client hands out the client secret, the app key or an HTTP
   * client that attaches the bearer token; the client objects' {@code toString()} name neither.
   */
  static void secretsNotReadableFromAClient(Ledger ledger) throws Exception {
    assertThat(Arrays.stream(TitanContext.Settings.class.getFields()).map(f -> f.getName()))
        .doesNotContain("clientSecret", "appKey");
    assertThat(Arrays.stream(TitanContext.Settings.class.getMethods()).map(m -> m.getName()))
        .doesNotContain("clientSecret", "appKey");
    assertThat(Arrays.stream(TitanContext.class.getMethods()).map(m -> (Object) m.getReturnType()))
        .doesNotContain(okhttp3.OkHttpClient.class, okhttp3.Call.Factory.class);
    assertThat(Arrays.stream(ServiceTitan.class.getMethods()).map(m -> (Object) m.getReturnType()))
        .doesNotContain(okhttp3.OkHttpClient.class, okhttp3.Call.Factory.class,
            TitanContext.Settings.class);
    // core's module descriptor does not export the internal package at all
    assertThat(ServiceTitan.class.getModule().isNamed()
        ? ServiceTitan.class.getModule().isExported("dev.titanj.core.internal") : false)
        .isFalse();
    try (FakeServiceTitan fake = fake(); FaultProxy proxy = new FaultProxy(fake.baseUrl())) {
      ServiceTitan.Builder builder = client(fake, proxy, ledger);
      ledger.object("builder", builder);
      try (ServiceTitan st = builder.build()) {
        Crm.of(st).customers().query().page(1);
        ledger.object("client", st);
        ledger.object("context", TitanContext.of(st));
        ledger.object("settings", TitanContext.of(st).settings());
        ledger.object("environment", st.environment());
        ledger.object("query", Crm.of(st).customers().query().active(Active.ANY));
      }
      assertThat(ledger.secretHits()).isEmpty();
    }
  }

  // ---- 3. loops that never end ---------------------------------------------------------------

  /**
   * An export feed whose {@code continueFrom} stays equal to the {@code from} sent, or goes
   * missing, with {@code hasMore=true}; a list that answers page 1 whatever page is asked for.
   * Each ends with a {@link TitanException} after a few requests.
   */
  static void loopsThatNeverEnd(Ledger ledger) {
    try (FakeServiceTitan fake = fake(); FaultProxy proxy = new FaultProxy(fake.baseUrl())) {
      try (ServiceTitan st = client(fake, proxy, ledger).build()) {
        // continueFrom equal to the from sent
        proxy.rule((r, i) -> r.getUrl().queryParameter("from") != null ? Fault.REWRITE
            : Fault.NONE).rewriter((r, body) -> body.replaceAll("\"continueFrom\":\"[^\"]*\"",
                "\"continueFrom\":\"" + r.getUrl().queryParameter("from") + "\"")
            .replace("\"hasMore\":false", "\"hasMore\":true"));
        Throwable stuck = ledger.failure("export whose cursor does not move",
            () -> Crm.of(st).customers().export(ExportCursor.beginning()).stream().count());
        assertThat(stuck).isInstanceOf(TitanException.class);
        assertThat(apiRequests(proxy, "/export/customers")).isBetween(2L, 3L);

        // continueFrom missing
        proxy.clearSeen();
        proxy.rule((r, i) -> r.getUrl().encodedPath().contains("/export/") ? Fault.REWRITE
            : Fault.NONE).rewriter((r, body) -> body.replaceAll(",?\"continueFrom\":\"[^\"]*\"",
                "").replace("\"hasMore\":false", "\"hasMore\":true"));
        Throwable missing = ledger.failure("export without continueFrom",
            () -> Crm.of(st).customers().export(ExportCursor.beginning()).stream().count());
        assertThat(missing).isInstanceOf(TitanException.class);
        assertThat(apiRequests(proxy, "/export/customers")).isEqualTo(1L);

        // a list that repeats page 1
        proxy.clearSeen();
        proxy.rule((r, i) -> !FaultProxy.isToken(r)
            && !"1".equals(r.getUrl().queryParameter("page")) ? Fault.REPEAT_FIRST_PAGE
            : Fault.NONE);
        Throwable repeated = ledger.failure("list repeating its first page",
            () -> Crm.of(st).customers().query().active(Active.ANY).pageSize(5).prefetch(false)
                .toList());
        assertThat(repeated).isInstanceOf(TitanException.class).hasMessageContaining("repeated");
        assertThat(apiRequests(proxy, "/customers")).isEqualTo(2L);
      }
      assertThat(ledger.secretHits()).isEmpty();
    }
  }

  // ---- 4. streams ignoring maxRetryAfter and callTimeout -------------------------------------

  /**
   * A stream honours {@code maxRetryAfter} ({@code Retry-After: 3600} ends it after one request,
   * without waiting) and the call timeout ({@code Retry-After: 29} against 60 s: at most three
   * requests and 58 s of waiting for the page), like a single call does.
   */
  static void streamsHonourMaxRetryAfterAndCallTimeout(Ledger ledger) {
    try (FakeServiceTitan fake = fake(); FaultProxy proxy = new FaultProxy(fake.baseUrl())) {
      ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
      List<Duration> waits = new CopyOnWriteArrayList<>();
      try (ServiceTitan st = client(fake, proxy, ledger).clock(clock).sleeper(d -> {
        waits.add(d);
        clock.advance(d);
      }).callTimeout(Duration.ofSeconds(60)).build()) {
        Crm.of(st).customers().findById(1L); // token first
        proxy.rule(FaultProxy.always(Fault.RATE_LIMIT_CUSTOM)).retryAfter("3600");
        proxy.clearSeen();
        Throwable hour = ledger.failure("stream under Retry-After 3600",
            () -> Crm.of(st).customers().query().pageSize(10).stream().count());
        assertThat(hour).isInstanceOf(RateLimitException.class);
        assertThat(apiRequests(proxy, "/customers")).isEqualTo(1L);
        assertThat(waits).isEmpty();

        proxy.retryAfter("29");
        proxy.clearSeen();
        Throwable slow = ledger.failure("stream under Retry-After 29, 60 s call timeout",
            () -> Crm.of(st).customers().query().pageSize(10).stream().count());
        assertThat(slow).isInstanceOf(RateLimitException.class);
        assertThat(apiRequests(proxy, "/customers")).isBetween(2L, 3L);
        assertThat(waits).allSatisfy(w -> assertThat(w).isEqualTo(Duration.ofSeconds(29)));
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus))
            .isLessThan(Duration.ofSeconds(60));

        ledger.failure("export batch under Retry-After 3600", () -> {
          proxy.retryAfter("3600");
          Crm.of(st).customers().export().nextBatch();
        });
      }
      assertThat(ledger.secretHits()).isEmpty();
    }
  }

  // ---- 5. POSTs that fail without ever being sent ------------------------------------------

  /**
   * A server that silently closes each connection once it has answered: five POSTs in a row are
   * each created exactly once, none reported as "may have been applied".
   */
  static void postsOnClosedKeepAliveConnections(Ledger ledger) {
    try (FakeServiceTitan fake = fake(); FaultProxy proxy = new FaultProxy(fake.baseUrl())) {
      proxy.rule((r, i) -> Fault.CLOSE_AFTER_RESPONSE);
      try (ServiceTitan st = client(fake, proxy, ledger).build()) {
        List<Long> created = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
          if (i > 1) {
            idle(); // the server closes the kept-alive connection while it is idle, not mid-write
          }
          created.add(Crm.of(st).customers().create(newCustomer("Keep-alive Co " + i)).id());
        }
        assertThat(created).hasSize(5).doesNotHaveDuplicates();
      }
      assertThat(fake.requests().stream().filter(r -> r.method().equals("POST")
          && r.path().endsWith("/customers")).count()).isEqualTo(5);
    }
  }

  /**
   * Leaves the connection idle long enough for the proxy's close (done on its own thread once the
   * response is written) to reach the client: a close that races the next request's write is a
   * different case, ambiguous by nature.
   */
  private static void idle() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- 6. a reset mid-body on findById -------------------------------------------------------

  /** A connection reset in the middle of a {@code findById} body is retried, once. */
  static void resetMidBodyOnFindById(Ledger ledger) {
    try (FakeServiceTitan fake = fake(); FaultProxy proxy = new FaultProxy(fake.baseUrl())) {
      long id = ((Number) fake.records("crm/customers").get(0).get("id")).longValue();
      try (ServiceTitan st = client(fake, proxy, ledger).build()) {
        proxy.rule(FaultProxy.firstN(1, Fault.DROP_MID_BODY));
        Optional<Customer> found = Crm.of(st).customers().findById(id);
        assertThat(found).map(Customer::id).contains(id);
      }
      assertThat(apiRequests(proxy, "/customers/" + id)).isEqualTo(2L);
    }
  }

  // ---- 7. absurd token lifetimes -------------------------------------------------------------

  /**
   * {@code expires_in} of {@code 1e20}, {@code Long.MAX_VALUE}, 0 or negative: every call works
   * and one token serves them all.
   */
  static void absurdTokenLifetimes(Ledger ledger) {
    for (String lifetime : List.of("1e20", String.valueOf(Long.MAX_VALUE), "0", "-5")) {
      try (FakeServiceTitan fake = fake(); FaultProxy proxy = new FaultProxy(fake.baseUrl())) {
        proxy.rule((r, i) -> FaultProxy.isToken(r) ? Fault.REWRITE : Fault.NONE)
            .rewriter((r, body) -> body.replaceAll("\"expires_in\":\\s*[0-9]+",
                "\"expires_in\":" + lifetime));
        try (ServiceTitan st = client(fake, proxy, ledger).build()) {
          for (int i = 0; i < 20; i++) {
            assertThat(Crm.of(st).customers().query().page(1).items()).as(lifetime).isNotEmpty();
          }
          assertThat(st.tokenRequestCount()).as("token requests, expires_in " + lifetime)
              .isEqualTo(1);
        }
        assertThat(fake.tokenRequestCount()).isEqualTo(1);
      }
    }
  }

  // ---- 8. the message after opted-in replays -------------------------------------------------

  /** With {@code retryNonIdempotent(true)} a POST sent four times says so. */
  static void replayedWriteMessageCountsTheSends(Ledger ledger) {
    try (FakeServiceTitan fake = fake(); FaultProxy proxy = new FaultProxy(fake.baseUrl())) {
      proxy.rule((r, i) -> r.getMethod().equals("POST") && !FaultProxy.isToken(r)
          ? Fault.DROP_BEFORE_RESPONSE : Fault.NONE);
      try (ServiceTitan st = client(fake, proxy, ledger)
          .retryPolicy(RetryPolicy.builder().retryNonIdempotent(true).build()).build()) {
        Throwable e = ledger.failure("replayed POST",
            () -> Crm.of(st).customers().create(newCustomer("Replayed Co")));
        assertThat(e).isInstanceOf(TitanIOException.class)
            .hasMessageContaining("sent 4 times")
            .hasMessageNotContaining("not replayed");
        assertThat(((TitanIOException) e).mayHaveBeenApplied()).isTrue();
      }
      assertThat(apiRequests(proxy, "/customers")).isEqualTo(4L);
      assertThat(ledger.secretHits()).isEmpty();
    }
  }

  // ---- risks the issue asked to settle -------------------------------------------------------

  /** 100 streams read one record each and dropped without close(): paging threads stay bounded. */
  static void abandonedStreamsStayWithinThePool(Ledger ledger) {
    try (FakeServiceTitan fake = fake(); FaultProxy proxy = new FaultProxy(fake.baseUrl());
        ServiceTitan st = client(fake, proxy, ledger).build()) {
      ThreadPoolExecutor pool = (ThreadPoolExecutor) TitanContext.of(st).pagingExecutor();
      for (int i = 0; i < 100; i++) {
        Iterator<Customer> it = Crm.of(st).customers().query().active(Active.ANY).pageSize(5)
            .iterator();
        assertThat(it.next()).isNotNull();
      }
      assertThat(pool.getLargestPoolSize()).isBetween(1, TitanContext.PAGING_THREADS);
      // each abandoned stream: its first page plus at most its window of pages ahead (four by
      // default), never more
      assertThat(apiRequests(proxy, "/customers"))
          .isBetween(100L, 100L * (1 + dev.titanj.core.spi.QueryState.DEFAULT_PARALLELISM));
    }
  }

  /** A {@code Retry-After} date in the past waits the jittered backoff, never zero. */
  static void retryAfterDateInThePast(Ledger ledger) {
    try (FakeServiceTitan fake = fake(); FaultProxy proxy = new FaultProxy(fake.baseUrl())) {
      List<Duration> waits = new CopyOnWriteArrayList<>();
      proxy.rule(FaultProxy.firstN(3, Fault.RATE_LIMIT_CUSTOM)).retryAfter(
          DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().minusSeconds(60)
              .atZone(ZoneOffset.UTC)));
      try (ServiceTitan st = client(fake, proxy, ledger).sleeper(waits::add).build()) {
        assertThat(Crm.of(st).customers().query().active(Active.ANY).pageSize(10).toList())
            .hasSize(30);
      }
      assertThat(waits).hasSize(3).allSatisfy(w -> assertThat(w)
          .isGreaterThanOrEqualTo(Duration.ofMillis(250)));
    }
  }

  /** {@code withParameter} cannot get round the id cap or the paging names; nothing is sent. */
  static void withParameterKeepsTheCaps(Ledger ledger) {
    try (FakeServiceTitan fake = fake(); FaultProxy proxy = new FaultProxy(fake.baseUrl());
        ServiceTitan st = client(fake, proxy, ledger).build()) {
      String ids51 = java.util.stream.LongStream.rangeClosed(1, 51).mapToObj(Long::toString)
          .collect(Collectors.joining(","));
      assertThat(ledger.failure("withParameter ids",
          () -> Crm.of(st).customers().query().withParameter("IDS", ids51).first()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ids(...)");
      assertThat(ledger.failure("withParameter pageSize",
          () -> Crm.of(st).customers().query().withParameter("PAGESIZE", "9000").first()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageSize(int)");
      assertThat(ledger.failure("withParameter active",
          () -> Crm.of(st).customers().query().withParameter("Active", "x").first()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("active(...)");
      assertThat(proxy.seen()).isEmpty();
    }
  }

  /** Plain http:// to something that only looks like loopback is refused before any request. */
  static void httpOnlyToLoopback(Ledger ledger) {
    for (String url : List.of("http://127.0.0.1.nip.io", "http://localhost.evil.com",
        "http://0.0.0.0", "http://api.localhost", "http://[::ffff:127.0.0.1]")) {
      assertThat(ledger.failure(url, () -> Environment.custom(url, url)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiBase");
    }
  }

  /** close() with calls in flight: they are cancelled and no pooled connection stays open. */
  static void closeWithCallsInFlight(Ledger ledger) throws Exception {
    try (FakeServiceTitan fake = fake(); FaultProxy proxy = new FaultProxy(fake.baseUrl())) {
      ServiceTitan st = client(fake, proxy, ledger).retryPolicy(RetryPolicy.none()).build();
      Crm.of(st).customers().query().page(1);
      proxy.slowMillis(3_000).rule(FaultProxy.always(Fault.SLOW));
      proxy.clearSeen();
      java.util.concurrent.ExecutorService callers =
          java.util.concurrent.Executors.newFixedThreadPool(5);
      try {
        List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          calls.add(callers.submit(() -> Crm.of(st).customers().query().page(1)));
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (proxy.seen().size() < 5 && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        assertThat(proxy.seen()).hasSize(5);
        st.close();
        for (java.util.concurrent.Future<?> call : calls) {
          Throwable t = ledger.failure("call in flight at close()", () -> {
            try {
              call.get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
              throw e.getCause();
            }
          });
          assertThat(t).isInstanceOf(TitanException.class);
        }
        assertThat(TitanContext.of(st).connectionPool().connectionCount()).isZero();
      } finally {
        callers.shutdownNow();
      }
    }
  }

  /** A body that is not valid UTF-8 is a TitanDecodingException with the status; not retried. */
  static void invalidUtf8Body(Ledger ledger) {
    try (FakeServiceTitan fake = fake(); FaultProxy proxy = new FaultProxy(fake.baseUrl());
        ServiceTitan st = client(fake, proxy, ledger).build()) {
      Crm.of(st).customers().query().page(1);
      proxy.clearSeen();
      proxy.rule(FaultProxy.firstN(1, Fault.INVALID_UTF8));
      Throwable e = ledger.failure("page with invalid UTF-8",
          () -> Crm.of(st).customers().query().active(Active.ANY).page(1));
      assertThat(e).isInstanceOfSatisfying(TitanDecodingException.class, d -> {
        assertThat(d.status()).hasValue(200);
        assertThat(d.requestPath()).hasValueSatisfying(p -> assertThat(p).contains("/customers"));
      });
      assertThat(e).hasMessageContaining("not valid UTF-8");
      assertThat(apiRequests(proxy, "/customers")).isEqualTo(1L);
    }
  }

  /** Every scenario, by name, in the order the suite runs them. */
  static Map<String, Scenario> all() {
    Map<String, Scenario> all = new LinkedHashMap<>();
    all.put("1 credentials in messages", Issue14Scenarios::credentialsInMessages);
    all.put("2 secrets not readable", Issue14Scenarios::secretsNotReadableFromAClient);
    all.put("3 loops that never end", Issue14Scenarios::loopsThatNeverEnd);
    all.put("4 maxRetryAfter and callTimeout", Issue14Scenarios::streamsHonourMaxRetryAfterAndCallTimeout);
    all.put("5 POSTs on closed keep-alive connections", Issue14Scenarios::postsOnClosedKeepAliveConnections);
    all.put("6 reset mid-body on findById", Issue14Scenarios::resetMidBodyOnFindById);
    all.put("7 absurd token lifetimes", Issue14Scenarios::absurdTokenLifetimes);
    all.put("8 replayed write message", Issue14Scenarios::replayedWriteMessageCountsTheSends);
    all.put("abandoned streams", Issue14Scenarios::abandonedStreamsStayWithinThePool);
    all.put("Retry-After in the past", Issue14Scenarios::retryAfterDateInThePast);
    all.put("withParameter caps", Issue14Scenarios::withParameterKeepsTheCaps);
    all.put("http only to loopback", Issue14Scenarios::httpOnlyToLoopback);
    all.put("close with calls in flight", Issue14Scenarios::closeWithCallsInFlight);
    all.put("invalid UTF-8", Issue14Scenarios::invalidUtf8Body);
    return Collections.unmodifiableMap(all);
  }

  /** One scenario. */
  @FunctionalInterface
  interface Scenario {
    void run(Ledger ledger) throws Exception;
  }

  /**
   * Runs every scenario with one ledger (for the child JVM of the secret scan); writes the
   * tokens the clients received to the file named by {@code args[0]} and exits non-zero when a
   * scenario failed.
   */
  public static void main(String[] args) throws Exception {
    Ledger ledger = new Ledger();
    List<String> failed = new ArrayList<>();
    for (Map.Entry<String, Scenario> e : all().entrySet()) {
      try {
        e.getValue().run(ledger);
        log.info("scenario {} passed", e.getKey());
      } catch (Throwable t) {
        failed.add(e.getKey());
        log.error("scenario " + e.getKey() + " failed", t);
      }
    }
    Path tokens = Paths.get(args[0]);
    Files.write(tokens, ledger.tokens, StandardCharsets.UTF_8);
    log.info("scenarios finished: {} ran, {} failed {}, {} texts recorded, {} tokens issued",
        all().size(), failed.size(), failed, ledger.texts.size(), ledger.tokens.size());
    System.exit(failed.isEmpty() ? 0 : 1);
  }
}
