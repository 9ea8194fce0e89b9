package dev.titanj.core;

import dev.titanj.core.internal.TitanContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A client for one ServiceTitan tenant in one environment. Thread-safe and meant to be shared:
 * it owns one HTTP connection pool, one token cache and one response cache. Close it when the
 * application stops. Module entry points such as {@code Crm.of(st)} take it.
 *
 * <pre>{@code
 * try (ServiceTitan st = ServiceTitan.builder()
 *     .environment(Environment.INTEGRATION)
 *     .clientCredentials(clientId, clientSecret)
 *     .appKey(appKey)
 *     .tenant(1_234_567L)
 *     .build()) {
 *   ...
 * }
 * }</pre>
 */
public final class ServiceTitan implements AutoCloseable {
  static {
    TitanContext.Access.install(st -> st.context);
  }

  private final TitanContext context;

  private ServiceTitan(TitanContext context) {
    this.context = context;
  }

  /** Starts a builder; environment, credentials, app key and tenant are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a client from the settings chain, first found wins, key by key: system properties
   * ({@code -Dtitanj.client-id=...}), environment variables ({@code ST_CLIENT_ID}), then a
   * properties file ({@code -Dtitanj.config=FILE} or {@code ST_CONFIG_FILE}, else
   * {@code ~/.titanj/config.properties} when it exists; keys such as {@code client-id}). The
   * settings: {@code ST_ENVIRONMENT} ({@code production} or {@code integration}, default
   * integration), {@code ST_CLIENT_ID}, {@code ST_CLIENT_SECRET}, {@code ST_APP_KEY},
   * {@code ST_TENANT_ID}, and optionally {@code ST_API_BASE_URL} with {@code ST_AUTH_BASE_URL}
   * for a custom environment. The {@code titanj} command reads the same chain; {@link
   * SettingsChain} tells what it found.
   *
   * @throws IllegalArgumentException naming every setting that is missing, or one that is
   *     malformed
   */
  public static ServiceTitan fromEnv() {
    return SettingsChain.read().builder().build();
  }

  /** Same as {@link #fromEnv()}, reading from the given map instead of the process environment. */
  public static ServiceTitan fromEnv(Map<String, String> env) {
    return builderFromEnv(env).build();
  }

  /**
   * A builder pre-filled from the given variables as {@link #fromEnv()} reads them, for callers
   * that want to adjust timeouts, caching or retries before building.
   */
  public static Builder builderFromEnv(Map<String, String> env) {
    if (env == null) {
      throw new IllegalArgumentException("env must not be null");
    }
    Builder b = builder();
    String api = env.get("ST_API_BASE_URL");
    String auth = env.get("ST_AUTH_BASE_URL");
    if (present(api) || present(auth)) {
      if (!present(api) || !present(auth)) {
        throw new IllegalArgumentException(
            "ST_API_BASE_URL and ST_AUTH_BASE_URL must be set together");
      }
      b.environment(Environment.custom(api, auth));
    } else {
      String name = env.get("ST_ENVIRONMENT");
      b.environment(present(name) ? Environment.named(name) : Environment.INTEGRATION);
    }
    List<String> missing = new ArrayList<>();
    for (String name : List.of("ST_CLIENT_ID", "ST_CLIENT_SECRET", "ST_APP_KEY", "ST_TENANT_ID")) {
      if (!present(env.get(name))) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException((missing.size() == 1 ? "setting " : "settings ")
          + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not set"
          + " (looked in system properties titanj.*, environment variables ST_* and the config"
          + " file)");
    }
    b.clientCredentials(env.get("ST_CLIENT_ID"), env.get("ST_CLIENT_SECRET"));
    b.appKey(env.get("ST_APP_KEY"));
    String tenant = env.get("ST_TENANT_ID");
    try {
      b.tenant(Long.parseLong(tenant.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ST_TENANT_ID must be a number", e);
    }
    return b;
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }


  /** The environment this client talks to. */
  public Environment environment() {
    return context.environment();
  }

  /**
   * A new session over this client: an identity map, batched reference loading and change
   * tracking ({@link TitanSession}). Close it when the unit of work is done.
   */
  public TitanSession openSession() {
    return new TitanSession(this, context.pagingExecutor(), null);
  }

  /**
   * A new session that reads records from {@code local} (a replica) before it asks the API; what
   * {@code local} does not hold is read as usual.
   */
  public TitanSession openSession(LocalRecords local) {
    return new TitanSession(this, context.pagingExecutor(),
        java.util.Objects.requireNonNull(local, "local"));
  }

  /**
   * Forgets this client's cached copy of record {@code id} of {@code resource}, so the next read
   * by id goes to the server (a session's stale check reads fresh this way).
   */
  <T, K> void forgetCached(ResourceDescriptor<T, K> resource, K id) {
    context.cache(resource, true).evict(id);
  }

  /** The tenant id every call of this client is made for. */
  public long tenantId() {
    return context.tenantId();
  }

  /**
   * A client for another tenant that shares this client's connection pool, paging threads and
   * cache manager (cache entries stay separate per tenant). Each client of such a family is
   * closed on its own; the shared resources are released when the last open one closes.
   *
   * @throws IllegalArgumentException if the tenant is not positive or the credentials are blank
   */
  public ServiceTitan withTenant(long tenantId, String clientId, String clientSecret) {
    return new ServiceTitan(context.derive(tenantId, clientId, clientSecret));
  }

  /**
   * Sends {@code request} to any API path, with this client's token, app key, retries, rate
   * limit and error mapping, and decodes the answer as {@code type} (a record type, {@code Map},
   * {@code List}, or a parameterized type from Moshi's {@code Types}); null when the answer has no
   * body. The escape hatch for endpoints TitanJ does not cover yet.
   *
   * @throws IllegalArgumentException when the request's path has a placeholder without a value
   * @throws TitanApiException for an error status, {@link TitanIOException} for a transport
   *     failure, {@link TitanDecodingException} for a body that is not a {@code type}
   */
  @SuppressWarnings("unchecked")
  public <T> T send(RawRequest request, java.lang.reflect.Type type) {
    if (request == null) {
      throw new IllegalArgumentException("request must not be null");
    }
    if (type == null) {
      throw new IllegalArgumentException("type must not be null");
    }
    okhttp3.HttpUrl.Builder url = okhttp3.HttpUrl.get("http://relative.invalid/").newBuilder()
        .encodedPath("/" + request.resolvedPath(tenantId()));
    request.queryParameters().forEach(q -> url.addQueryParameter(q[0], q[1]));
    String built = url.build().toString();
    String relative = built.substring("http://relative.invalid/".length());
    return (T) context.sendRaw(request.method(), relative, request.body(), type);
  }

  /** {@link #send(RawRequest, java.lang.reflect.Type)} for a plain class. */
  public <T> T send(RawRequest request, Class<T> type) {
    return send(request, (java.lang.reflect.Type) type);
  }

  /** Hit and miss counts of the response cache, overall and per resource. */
  /**
   * Makes sure the credentials work: uses the cached access token or fetches one, and returns when
   * it expires. The token itself is never handed out. For health checks and start-up probes.
   *
   * @throws AuthenticationException if the token endpoint refuses the credentials
   */
  public java.time.Instant verifyCredentials() {
    return context.verifyToken();
  }

  public CacheStatistics cacheStatistics() {
    return context.cacheStatistics();
  }

  /** Number of token requests this client has sent; useful in tests and diagnostics. */
  public long tokenRequestCount() {
    return context.tokenRequestCount();
  }

  /**
   * Closes this client: calls in flight are cancelled and later calls fail with an
   * {@link IllegalStateException}. When no other client of its family ({@link #withTenant}) is
   * open, the shared resources are released as well: the paging threads end, the caches close,
   * and, unless the HTTP client was passed in through {@link Builder#httpClient}, the
   * dispatcher is shut down and every pooled connection closed. Idempotent.
   */
  @Override
  public void close() {
    context.close();
  }

  @Override
  public String toString() {
    return "ServiceTitan{environment=" + environment().name() + ", tenant=" + tenantId() + "}";
  }

  /** Builds a {@link ServiceTitan}. Not thread-safe; build once and share the client. */
  public static final class Builder {
    Environment environment;
    String clientId;
    String clientSecret;
    String appKey;
    long tenantId;
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration readTimeout = Duration.ofSeconds(100);
    Duration callTimeout = Duration.ofSeconds(120);
    Duration tokenRefreshMargin = Duration.ofSeconds(60);
    RetryPolicy retryPolicy = RetryPolicy.defaults();
    TokenStore tokenStore;
    CacheSettings cacheSettings = CacheSettings.defaults();
    RateLimit rateLimit = RateLimit.defaults();
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.system();
    okhttp3.OkHttpClient baseHttpClient;
    Metrics metrics = Metrics.none();
    int pagingParallelism = dev.titanj.core.spi.QueryState.DEFAULT_PARALLELISM;

    private Builder() {}

    /** Production, integration or a custom pair of base URLs. Required. */
    public Builder environment(Environment environment) {
      if (environment == null) {
        throw new IllegalArgumentException("environment must not be null");
      }
      this.environment = environment;
      return this;
    }

    /** The OAuth 2.0 client id and secret issued for this tenant and environment. Required. */
    public Builder clientCredentials(String clientId, String clientSecret) {
      this.clientId = requireText(clientId, "clientId");
      this.clientSecret = requireText(clientSecret, "clientSecret");
      return this;
    }

    /** The application key sent as {@code ST-App-Key} on every call. Required. */
    public Builder appKey(String appKey) {
      this.appKey = requireText(appKey, "appKey");
      return this;
    }

    /** The tenant id (a positive number). Required. */
    public Builder tenant(long tenantId) {
      if (tenantId <= 0) {
        throw new IllegalArgumentException("tenant must be positive, was " + tenantId);
      }
      this.tenantId = tenantId;
      return this;
    }

    /** TCP connect timeout; default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = requirePositive(timeout, "connectTimeout");
      return this;
    }

    /** Socket read timeout; default 100 s, the server's own limit. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = requirePositive(timeout, "readTimeout");
      return this;
    }

    /**
     * Upper bound for one API call from start to finish, retries and their waits included;
     * default 120 s. A retry whose wait would not fit is not started: the last error is raised
     * instead.
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = requirePositive(timeout, "callTimeout");
      return this;
    }

    /** How long before {@code expires_in} runs out a token is replaced; default 60 s. */
    public Builder tokenRefreshMargin(Duration margin) {
      if (margin == null || margin.isNegative()) {
        throw new IllegalArgumentException("tokenRefreshMargin must not be negative");
      }
      this.tokenRefreshMargin = margin;
      return this;
    }

    /**
     * Retry behaviour for 429, 502/503/504 and transport failures; default
     * {@link RetryPolicy#defaults()}. The token request follows the same policy.
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Where tokens are cached, keyed by environment and client id; default an in-memory store of
     * this client. A store shared by several processes lets them use one token: see
     * {@link JCacheTokenStore}.
     */
    public Builder tokenStore(TokenStore tokenStore) {
      this.tokenStore = requireNonNull(tokenStore, "tokenStore");
      return this;
    }

    /** Response cache configuration; default {@link CacheSettings#defaults()}. */
    public Builder cache(CacheSettings cacheSettings) {
      this.cacheSettings = requireNonNull(cacheSettings, "cacheSettings");
      return this;
    }

    /**
     * Client-side request rate limit; default {@link RateLimit#defaults()} (60 per second). Several
     * instances share one budget with {@link RateLimit#shared(javax.cache.CacheManager, int)}.
     */
    public Builder rateLimit(RateLimit rateLimit) {
      this.rateLimit = requireNonNull(rateLimit, "rateLimit");
      return this;
    }

    /**
     * Pages a stream keeps in flight when its query sets no {@code parallelism} (1 to 16; default
     * {@value dev.titanj.core.spi.QueryState#DEFAULT_PARALLELISM}). When the first page reports
     * the total, later pages are requested concurrently, still within the {@link RateLimit} and
     * handed out in order; memory holds at most this many pages plus the one being read. 1 turns
     * concurrent paging off: each stream then prefetches one page while the current one is
     * read (and none after {@code prefetch(false)}).
     */
    public Builder pagingParallelism(int pagingParallelism) {
      if (pagingParallelism < 1 || pagingParallelism > 16) {
        throw new IllegalArgumentException(
            "pagingParallelism must be between 1 and 16, was " + pagingParallelism);
      }
      this.pagingParallelism = pagingParallelism;
      return this;
    }

    /** The clock used for token expiry and rate limiting; tests inject a fixed or manual clock. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** How the client waits between retries; tests inject one that does not really sleep. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * An OkHttp client whose connection pool and dispatcher this client shares (TitanJ adds its
     * own interceptors to a derived client, applies its own timeouts and turns redirects off).
     * Closing the {@code ServiceTitan} leaves that pool and dispatcher running. Optional.
     */
    public Builder httpClient(okhttp3.OkHttpClient httpClient) {
      this.baseHttpClient = requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Where the client reports request, retry, token, rate-limit and cache metrics; default
     * {@link Metrics#none()}. For example {@code .metrics(Metrics.micrometer(registry))}.
     */
    public Builder metrics(Metrics metrics) {
      this.metrics = requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * Builds the client. No network call is made here; the first token is fetched on first use.
     *
     * @throws IllegalArgumentException naming the first required setting that is missing
     */
    public ServiceTitan build() {
      if (environment == null) {
        throw new IllegalArgumentException("environment is required");
      }
      if (clientId == null || clientSecret == null) {
        throw new IllegalArgumentException("clientCredentials is required");
      }
      if (appKey == null) {
        throw new IllegalArgumentException("appKey is required");
      }
      if (tenantId <= 0) {
        throw new IllegalArgumentException("tenant is required");
      }
      return new ServiceTitan(TitanContext.create(new TitanContext.Settings(environment, clientId,
          clientSecret, appKey, tenantId, connectTimeout, readTimeout, callTimeout,
          tokenRefreshMargin, retryPolicy, tokenStore, cacheSettings, rateLimit, clock, sleeper,
          baseHttpClient, metrics.isEnabled()
              ? dev.titanj.core.internal.MetricsRecorder.micrometer(metrics.registry(),
                  metrics.tags(), metrics.hasTenantTag())
              : dev.titanj.core.internal.MetricsRecorder.NONE, pagingParallelism)));
    }

    @Override
    public String toString() {
      return "ServiceTitan.Builder{environment=" + environment + ", tenant=" + tenantId
          + ", clientId=" + clientId + ", clientSecret=<redacted>, appKey=<redacted>}";
    }

    static String requireText(String value, String argument) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(argument + " must not be blank");
      }
      return value.trim();
    }

    private static <T> T requireNonNull(T value, String argument) {
      if (value == null) {
        throw new IllegalArgumentException(argument + " must not be null");
      }
      return value;
    }

    private static Duration requirePositive(Duration d, String argument) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(argument + " must be positive, was " + d);
      }
      return d;
    }
  }
}
