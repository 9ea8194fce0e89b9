package dev.titanj.core.internal;

import dev.titanj.core.spi.ExportSource;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import dev.titanj.core.CacheSettings;
import dev.titanj.core.CacheStatistics;
import dev.titanj.core.Environment;
import dev.titanj.core.RateLimit;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.Sleeper;
import dev.titanj.core.TitanApiException;
import dev.titanj.core.TitanDecodingException;
import dev.titanj.core.TitanException;
import dev.titanj.core.TitanIOException;
import dev.titanj.core.TokenStore;
import dev.titanj.core.json.TitanJson;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Everything one {@link ServiceTitan} client owns, for generated modules: Retrofit services bound
 * to the tenant's base URL, call execution with typed errors, caches and the paging executor.
 * Not a user API; reach it with {@link #of(ServiceTitan)}.
 */
public final class TitanContext implements AutoCloseable {

  /** Immutable builder values handed over by {@link ServiceTitan.Builder}. */
  public static final class Settings {
    public final Environment environment;
    public final String clientId;
    final String clientSecret;
    final String appKey;
    public final long tenantId;
    public final Duration connectTimeout;
    public final Duration readTimeout;
    public final Duration callTimeout;
    public final Duration tokenRefreshMargin;
    public final RetryPolicy retryPolicy;
    public final TokenStore tokenStore;
    public final CacheSettings cacheSettings;
    public final RateLimit rateLimit;
    public final Clock clock;
    public final Sleeper sleeper;
    public final OkHttpClient baseHttpClient;
    /** Where the client family reports metrics; {@link MetricsRecorder#NONE} when off. */
    public final MetricsRecorder metrics;
    /** Pages a stream keeps in flight when its query sets no parallelism. */
    public final int pagingParallelism;

    public Settings(Environment environment, String clientId, String clientSecret, String appKey,
        long tenantId, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
        Duration tokenRefreshMargin, RetryPolicy retryPolicy, TokenStore tokenStore,
        CacheSettings cacheSettings, RateLimit rateLimit, Clock clock, Sleeper sleeper,
        OkHttpClient baseHttpClient) {
      this(environment, clientId, clientSecret, appKey, tenantId, connectTimeout, readTimeout,
          callTimeout, tokenRefreshMargin, retryPolicy, tokenStore, cacheSettings, rateLimit, clock,
          sleeper, baseHttpClient, MetricsRecorder.NONE);
    }

    public Settings(Environment environment, String clientId, String clientSecret, String appKey,
        long tenantId, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
        Duration tokenRefreshMargin, RetryPolicy retryPolicy, TokenStore tokenStore,
        CacheSettings cacheSettings, RateLimit rateLimit, Clock clock, Sleeper sleeper,
        OkHttpClient baseHttpClient, MetricsRecorder metrics) {
      this(environment, clientId, clientSecret, appKey, tenantId, connectTimeout, readTimeout,
          callTimeout, tokenRefreshMargin, retryPolicy, tokenStore, cacheSettings, rateLimit, clock,
          sleeper, baseHttpClient, metrics, dev.titanj.core.spi.QueryState.DEFAULT_PARALLELISM);
    }

    public Settings(Environment environment, String clientId, String clientSecret, String appKey,
        long tenantId, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
        Duration tokenRefreshMargin, RetryPolicy retryPolicy, TokenStore tokenStore,
        CacheSettings cacheSettings, RateLimit rateLimit, Clock clock, Sleeper sleeper,
        OkHttpClient baseHttpClient, MetricsRecorder metrics, int pagingParallelism) {
      this.pagingParallelism = pagingParallelism;
      this.metrics = metrics == null ? MetricsRecorder.NONE : metrics;
      this.environment = environment;
      this.clientId = clientId;
      this.clientSecret = clientSecret;
      this.appKey = appKey;
      this.tenantId = tenantId;
      this.connectTimeout = connectTimeout;
      this.readTimeout = readTimeout;
      this.callTimeout = callTimeout;
      this.tokenRefreshMargin = tokenRefreshMargin;
      this.retryPolicy = retryPolicy;
      this.tokenStore = tokenStore == null ? TokenStore.inMemory() : tokenStore;
      this.cacheSettings = cacheSettings;
      this.rateLimit = rateLimit;
      this.clock = clock;
      this.sleeper = sleeper;
      this.baseHttpClient = baseHttpClient;
    }

    Settings forTenant(long tenant, String id, String secret) {
      return new Settings(environment, id, secret, appKey, tenant, connectTimeout, readTimeout,
          callTimeout, tokenRefreshMargin, retryPolicy, tokenStore, cacheSettings, rateLimit,
          clock, sleeper, baseHttpClient, metrics, pagingParallelism);
    }

    @Override
    public String toString() {
      return "Settings{environment=" + environment.name() + ", tenant=" + tenantId + "}";
    }
  }

  /** Lets {@link ServiceTitan} hand its context to this package without a public getter. */
  public static final class Access {
    private static volatile Function<ServiceTitan, TitanContext> getter;

    private Access() {}

    /** Called once by {@link ServiceTitan}'s static initializer. */
    public static void install(Function<ServiceTitan, TitanContext> g) {
      if (getter != null && getter != g) {
        throw new IllegalStateException("already installed");
      }
      getter = g;
    }
  }

  /** Threads of a client family's paging pool: prefetched and parallel page requests. */
  public static final int PAGING_THREADS = 16;
  /**
   * Page requests that may wait for a paging thread; beyond it a prefetch is not scheduled and
   * the page is fetched in the consumer's thread when (and if) it is needed.
   */
  public static final int PAGING_QUEUE = 256;

  private static final java.util.concurrent.atomic.AtomicInteger FAMILIES =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * What a top-level client and the clients derived from it with {@code withTenant} share: the
   * HTTP connection pool and dispatcher, the bounded paging pool, the caches and the scrubber.
   * Released when the last open client of the family closes.
   */
  static final class Family {
    final OkHttpClient base;
    final TitanCaches caches;
    final java.util.concurrent.ThreadPoolExecutor paging;
    final boolean ownsHttp;
    final Redaction redaction;
    private int open;
    private volatile boolean released;

    Family(OkHttpClient base, TitanCaches caches, boolean ownsHttp, Redaction redaction) {
      this.base = base;
      this.caches = caches;
      this.ownsHttp = ownsHttp;
      this.redaction = redaction;
      String prefix = "titanj-paging-" + FAMILIES.incrementAndGet() + "-";
      java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
      this.paging = new java.util.concurrent.ThreadPoolExecutor(PAGING_THREADS, PAGING_THREADS,
          30, java.util.concurrent.TimeUnit.SECONDS,
          new java.util.concurrent.LinkedBlockingQueue<>(PAGING_QUEUE), r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
      // Idle threads end after 30 s, so an idle client holds none.
      this.paging.allowCoreThreadTimeOut(true);
    }

    synchronized void join() {
      if (released) {
        throw new IllegalStateException("this ServiceTitan client is closed");
      }
      open++;
    }

    /** True when the caller was the last open client: it must {@link #release()}. */
    synchronized boolean leave() {
      open--;
      if (open > 0 || released) {
        return false;
      }
      released = true;
      return true;
    }

    boolean isReleased() {
      return released;
    }

    /** Ends the paging threads, closes the caches, and ends the HTTP layer if it is ours. */
    void release() {
      paging.shutdownNow();
      caches.close();
      if (ownsHttp) {
        base.dispatcher().cancelAll();
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
      }
    }
  }

  /** The calls of one client that are in flight, so that closing it can cancel them. */
  static final class CallTracker implements okhttp3.Interceptor {
    private final java.util.Set<okhttp3.Call> calls = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed;

    CallTracker(AtomicBoolean closed) {
      this.closed = closed;
    }

    @Override
    public okhttp3.Response intercept(Chain chain) throws IOException {
      okhttp3.Call call = chain.call();
      calls.add(call);
      try {
        if (closed.get()) {
          call.cancel();
        }
        okhttp3.Response response = chain.proceed(chain.request());
        Status status = chain.request().tag(Status.class);
        if (status != null) {
          status.code = response.code();
        }
        return response;
      } finally {
        calls.remove(call);
      }
    }

    void cancelAll() {
      calls.forEach(okhttp3.Call::cancel);
    }
  }

  /** The status of the last response of one call, for messages about its body. */
  static final class Status {
    volatile int code;
  }

  private final Settings settings;
  private final Family family;
  private final OkHttpClient base;
  private final OkHttpClient http;
  private final Retrofit retrofit;
  private final TokenProvider tokens;
  private final RequestGate rateLimiter;
  private final TitanCaches caches;
  private final CallTracker inFlight;
  private final Redaction redaction;
  private final ConcurrentHashMap<Class<?>, Object> services = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Retrofit> tenantRetrofits = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private TitanContext(Settings settings, Family family) {
    family.join();
    this.settings = settings;
    this.family = family;
    this.redaction = family.redaction;
    redaction.remember(settings.clientSecret);
    redaction.remember(settings.appKey);
    this.base = family.base;
    this.caches = family.caches;
    this.inFlight = new CallTracker(closed);
    MetricsRecorder metrics = settings.metrics.forTenant(settings.tenantId);
    OkHttpClient.Builder tb = base.newBuilder().addInterceptor(inFlight);
    if (metrics.isEnabled()) {
      tb.addInterceptor(MetricsInterceptors.tokens(metrics));
    }
    OkHttpClient tokenClient = tb
        .addInterceptor(new RetryInterceptor(settings.retryPolicy, settings.clock,
            settings.sleeper, settings.callTimeout, true))
        .addInterceptor(new RedactingLoggingInterceptor("dev.titanj.auth", redaction))
        .build();
    this.tokens = new TokenProvider(settings, tokenClient, redaction);
    Sleeper gateSleeper = !metrics.isEnabled() ? settings.sleeper : wait -> {
      metrics.rateLimitWait(wait);
      settings.sleeper.sleep(wait);
    };
    this.rateLimiter = RequestGate.forLimit(settings.rateLimit, budgetKey(settings),
        settings.clock, gateSleeper);
    HttpUrl apiBase = HttpUrl.get(settings.environment.apiBase().toString() + "/");
    // Interceptor order (application interceptors, outermost first): retry -> auth -> rate
    // limit -> logging, so every attempt and every 401 replay is rate limited and logged. With
    // metrics on, one interceptor outside retry times whole calls and one between retry and auth
    // counts attempts.
    OkHttpClient.Builder b = base.newBuilder().addInterceptor(inFlight);
    if (metrics.isEnabled()) {
      b.addInterceptor(MetricsInterceptors.calls(metrics));
    }
    b.addInterceptor(new RetryInterceptor(settings.retryPolicy, settings.clock,
        settings.sleeper, settings.callTimeout, false));
    if (metrics.isEnabled()) {
      b.addInterceptor(MetricsInterceptors.attempts(metrics));
    }
    b.addInterceptor(new AuthInterceptor(tokens, settings.appKey, apiBase));
    if (rateLimiter != null) {
      b.addInterceptor(new RateLimitInterceptor(rateLimiter));
    }
    this.http = b.addInterceptor(new RedactingLoggingInterceptor("dev.titanj.http", redaction))
        .build();
    this.retrofit = new Retrofit.Builder()
        .baseUrl(apiBase)
        .callFactory(request -> http.newCall(withQuery(request).newBuilder()
            .tag(Status.class, new Status()).build()))
        .addConverterFactory(StrictUtf8.INSTANCE)
        .addConverterFactory(MoshiConverterFactory.create(TitanJson.moshi()))
        .build();
  }

  /**
   * Creates the context of a new top-level client. Applies the timeouts (the call timeout bounds
   * a whole call, retries and waits included) and turns redirect following off, so credentials
   * are never replayed to another host.
   */
  public static TitanContext create(Settings settings) {
    boolean ownsHttp = settings.baseHttpClient == null;
    OkHttpClient.Builder start = ownsHttp ? new OkHttpClient.Builder()
        : settings.baseHttpClient.newBuilder();
    if (ownsHttp && plainHttp(settings.environment)) {
      // Loopback over http:// (a test or a local stand-in): no TLS connection specs, so OkHttp
      // loads no trust store and builds no SSL socket factory the client would never use.
      start.connectionSpecs(java.util.List.of(okhttp3.ConnectionSpec.CLEARTEXT));
    }
    OkHttpClient base = start
        .connectTimeout(settings.connectTimeout)
        .readTimeout(settings.readTimeout)
        .writeTimeout(settings.readTimeout)
        .callTimeout(settings.callTimeout)
        .followRedirects(false)
        .followSslRedirects(false)
        .addNetworkInterceptor(new WireGuard())
        .build();
    return new TitanContext(settings, new Family(base,
        new TitanCaches(settings.cacheSettings, settings.clock, settings.metrics), ownsHttp,
        new Redaction()));
  }

  /** Whether both of the environment's bases are plain {@code http://} (loopback only). */
  private static boolean plainHttp(dev.titanj.core.Environment environment) {
    return "http".equalsIgnoreCase(environment.apiBase().getScheme())
        && "http".equalsIgnoreCase(environment.authBase().getScheme());
  }

  /** The context of a client for another tenant sharing pool, threads and cache manager. */
  public TitanContext derive(long tenantId, String clientId, String clientSecret) {
    if (tenantId <= 0) {
      throw new IllegalArgumentException("tenantId must be positive, was " + tenantId);
    }
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    if (clientSecret == null || clientSecret.isBlank()) {
      throw new IllegalArgumentException("clientSecret must not be blank");
    }
    checkOpen();
    return new TitanContext(settings.forTenant(tenantId, clientId.trim(), clientSecret.trim()),
        family);
  }

  /**
   * The name of a client's request budget: environment, tenant and application (ServiceTitan's
   * unit of rate limiting). The app key is a secret, so only a hash of it is used.
   */
  static String budgetKey(Settings settings) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(settings.appKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "titanj-rate|" + settings.environment.apiBase() + "|" + settings.tenantId + "|"
          + java.util.HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JVM has SHA-256
    }
  }

  /** This client's budget name ({@link #budgetKey(Settings)}): no secret in it. */
  public String budgetKey() {
    return budgetKey(settings);
  }

  /** The context of a client. */
  public static TitanContext of(ServiceTitan st) {
    if (st == null) {
      throw new IllegalArgumentException("serviceTitan must not be null");
    }
    if (Access.getter == null) {
      // Loading ServiceTitan installs the accessor.
      try {
        Class.forName(ServiceTitan.class.getName(), true, ServiceTitan.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return Access.getter.apply(st);
  }

  public Environment environment() {
    return settings.environment;
  }

  public long tenantId() {
    return settings.tenantId;
  }

  public Settings settings() {
    return settings;
  }

  /** The shared JSON codec. */
  public Moshi moshi() {
    return TitanJson.moshi();
  }

  /**
   * {@code request} with the {@link dev.titanj.core.QueryParams} its Retrofit method took as a
   * {@code @Tag} appended to the URL, repeated keys repeated: generated Retrofit interfaces pass
   * all query parameters this way, so a list's filters need no parameter each.
   */
  static okhttp3.Request withQuery(okhttp3.Request request) {
    dev.titanj.core.QueryParams query = request.tag(dev.titanj.core.QueryParams.class);
    if (query == null || query.isEmpty()) {
      return request;
    }
    okhttp3.HttpUrl.Builder url = request.url().newBuilder();
    query.asMap().forEach((name, values) -> values.forEach(v -> url.addQueryParameter(name, v)));
    return request.newBuilder().url(url.build()).build();
  }

  /** The OkHttp client calls go through (auth, retries and logging included). */
  OkHttpClient httpClient() {
    return http;
  }

  /** The connection pool calls share (no credentials attached to it). */
  public okhttp3.ConnectionPool connectionPool() {
    return http.connectionPool();
  }

  /** A Retrofit implementation of {@code service}, created once per client. */
  @SuppressWarnings("unchecked")
  public <T> T api(Class<T> service) {
    return (T) services.computeIfAbsent(service, retrofit::create);
  }

  /**
   * A Retrofit implementation of a generated module's {@code service}, whose paths are relative
   * to {@code {apiBase}/{area}/v2/tenant/{tenant}/} ({@code areaBase} is {@code crm/v2}): the
   * tenant is part of the base, so generated methods carry no tenant parameter. Created once
   * per client.
   */
  @SuppressWarnings("unchecked")
  public <T> T api(String areaBase, Class<T> service) {
    return (T) services.computeIfAbsent(service, s -> tenantRetrofits.computeIfAbsent(areaBase,
        b -> retrofit.newBuilder().baseUrl(retrofit.baseUrl().resolve(b + "/tenant/"
            + settings.tenantId + "/")).build()).create(s));
  }

  /**
   * An export feed over {@code source} starting at {@code start}. Its batches are requested
   * through this client's HTTP layer, whose {@link RetryPolicy} is the one retry owner of each
   * batch (retries of a transiently failed batch, with the same {@code from}, happen there, body
   * faults included), so the feed adds no retries of its own: one batch costs at most
   * {@code maxAttempts} requests and honours {@code maxRetryAfter} and {@code callTimeout}.
   * While a batch is processed the next one is already requested on the paging pool.
   */
  public <T> dev.titanj.core.ExportFeed<T> exportFeed(ExportSource<T> source,
      dev.titanj.core.ExportCursor start) {
    if (source == null) {
      throw new IllegalArgumentException("source must not be null");
    }
    return dev.titanj.core.ExportFeed.of(RetryingExportSource.wrap(source, FetchRetry.none())
        .prefetchingOn(pagingExecutor()), start);
  }

  /**
   * Runs prefetched and parallel page requests: one pool per client family, at most
   * {@link #PAGING_THREADS} daemon threads named {@code titanj-paging-<family>-<n>} that end
   * after 30 s idle, and at most {@link #PAGING_QUEUE} waiting requests (a prefetch that does not
   * fit is not made; the page is fetched when needed).
   */
  public ExecutorService pagingExecutor() {
    return family.paging;
  }

  /** The cache of one resource, scoped to this client's environment and tenant. */
  public <K, V> ResourceCache<K, V> cache(dev.titanj.core.ResourceDescriptor<V, K> resource,
      boolean cacheable) {
    return cacheable ? caches.cache(resource, scope())
        : dev.titanj.core.internal.cache.DisabledResourceCache.instance();
  }

  /** Environment and tenant, as used in cache and token keys. */
  public String scope() {
    return settings.environment.apiBase() + "|" + settings.tenantId;
  }

  public CacheStatistics cacheStatistics() {
    return caches.statistics();
  }

  public long tokenRequestCount() {
    return tokens.requestCount();
  }

  /**
   * Makes sure a valid token is at hand (the cached one, or a fresh one from the token endpoint)
   * and returns when it expires; the token itself is never handed out. For health checks.
   *
   * @throws dev.titanj.core.AuthenticationException if the credentials are refused
   */
  public java.time.Instant verifyToken() {
    checkOpen();
    return tokens.current().expiresAt();
  }

  /**
   * Executes {@code call} and returns its body.
   *
   * @throws TitanApiException (a subtype per status) for error statuses
   * @throws TitanIOException for transport failures
   * @throws TitanDecodingException for a body that cannot be read
   */
  public <R> R execute(Call<R> call) {
    Response<R> response = send(call);
    if (response.isSuccessful()) {
      return requireBody(call, response);
    }
    throw Errors.fromResponse(response.raw(), response.errorBody(), settings.clock.instant(),
        redaction);
  }

  /**
   * Sends a request to any API path ({@code url} relative to the API base, query string
   * included) through the client's chain and decodes the answer as {@code type}; null for an
   * empty body or a {@code Void} type.
   */
  public Object sendRaw(String method, String url, Object body, java.lang.reflect.Type type) {
    RawApi raw = api(RawApi.class);
    Call<okhttp3.ResponseBody> call;
    switch (method) {
      case "GET": call = raw.get(url); break;
      case "DELETE": call = raw.delete(url); break;
      case "POST": call = raw.post(url, body); break;
      case "PUT": call = raw.put(url, body); break;
      case "PATCH": call = raw.patch(url, body); break;
      default: throw new IllegalArgumentException("unsupported method " + method);
    }
    String path = Errors.describe(call.request());
    try (okhttp3.ResponseBody answer = execute(call)) {
      if (answer == null || type == Void.class || type == void.class) {
        return null;
      }
      okio.BufferedSource source = answer.source();
      if (source.exhausted()) {
        return null;
      }
      StrictUtf8.check(answer);
      return moshi().adapter(type).fromJson(source);
    } catch (JsonDataException | JsonEncodingException | TitanJsonException e) {
      throw Errors.decoding(e, path, redaction, statusOf(call));
    } catch (IOException e) {
      if (isJsonEndOfInput(e)) {
        throw Errors.decoding(e, path, redaction, statusOf(call));
      }
      throw ioFailure(method, path, e);
    }
  }

  /** Like {@link #execute(Call)}, but a 404 is an empty result. */
  public <R> Optional<R> executeOrEmptyOn404(Call<R> call) {
    Response<R> response = send(call);
    if (response.isSuccessful()) {
      return Optional.ofNullable(requireBody(call, response));
    }
    if (response.code() == 404) {
      return Optional.empty();
    }
    throw Errors.fromResponse(response.raw(), response.errorBody(), settings.clock.instant(),
        redaction);
  }

  /**
   * The body of a successful response. A body that decoded to {@code null} (the JSON literal
   * {@code null}) where the operation declares a value is a {@link TitanDecodingException}
   * naming the empty body, not an absent record or a {@code null} result; operations declared
   * {@code Void} and 204/205 responses have no body by definition.
   */
  private static <R> R requireBody(Call<R> call, Response<R> response) {
    R body = response.body();
    if (body != null || response.code() == 204 || response.code() == 205) {
      return body;
    }
    String type = declaredType(call);
    if (type == null) {
      return null;
    }
    throw new TitanDecodingException(type, null, Errors.describe(call.request()), response.code(),
        new java.io.EOFException("HTTP " + response.code() + " with an empty body (null)"
            + " where a " + type + " was expected"));
  }

  /** The simple name of the type {@code call} declares, or null for Void/Unit or unknown. */
  private static String declaredType(Call<?> call) {
    retrofit2.Invocation invocation = call.request().tag(retrofit2.Invocation.class);
    if (invocation == null) {
      return null;
    }
    java.lang.reflect.Type ret = invocation.method().getGenericReturnType();
    if (!(ret instanceof java.lang.reflect.ParameterizedType)) {
      return null;
    }
    java.lang.reflect.Type arg = ((java.lang.reflect.ParameterizedType) ret)
        .getActualTypeArguments()[0];
    String name = arg.getTypeName();
    if (name.equals("java.lang.Void") || name.equals("kotlin.Unit")) {
      return null;
    }
    Class<?> raw = arg instanceof Class ? (Class<?>) arg
        : arg instanceof java.lang.reflect.ParameterizedType
            ? (Class<?>) ((java.lang.reflect.ParameterizedType) arg).getRawType() : null;
    return raw == null ? name : raw.getSimpleName();
  }

  private <R> Response<R> send(Call<R> call) {
    checkOpen();
    okhttp3.Request request = call.request();
    String path = Errors.describe(request);
    try {
      return call.execute();
    } catch (JsonDataException | JsonEncodingException | TitanJsonException e) {
      throw Errors.decoding(e, path, redaction, statusOf(call));
    } catch (TitanException e) {
      throw e;
    } catch (IOException e) {
      if (isJsonEndOfInput(e)) {
        // The body ended cleanly but the JSON did not: empty or truncated JSON, not transport.
        throw Errors.decoding(e, path, redaction, statusOf(call));
      }
      throw ioFailure(request.method(), path, e, redaction);
    }
  }

  /** The status of the response {@code call} received last; 0 when none arrived. */
  private static int statusOf(Call<?> call) {
    Status status = call.request().tag(Status.class);
    return status == null ? 0 : status.code;
  }

  /** Moshi's reader hit the end of a body that ended normally (transport faults are not EOF here). */
  private static boolean isJsonEndOfInput(IOException e) {
    if (!(e instanceof java.io.EOFException)) {
      return false;
    }
    StackTraceElement[] st = e.getStackTrace();
    return st.length > 0 && st[0].getClassName().startsWith("com.squareup.moshi.");
  }

  /** The exception for a transport failure, saying whether a write may have been applied. */
  static TitanIOException ioFailure(String method, String path, IOException e) {
    return ioFailure(method, path, e, Redaction.PATTERNS_ONLY);
  }

  /**
   * The exception for a transport failure, saying whether a write may have been applied and how
   * many times it was sent. The failure's message (which may quote what a server sent, such as a
   * status line) and its cause chain are scrubbed by {@code redaction}.
   */
  static TitanIOException ioFailure(String method, String path, IOException e,
      Redaction redaction) {
    int sent = RetryInterceptor.timesSent(e);
    boolean write = HttpMethods.isWrite(method);
    boolean applied = HttpMethods.mayHaveBeenApplied(method, e) || (write && sent >= 1);
    Throwable shown = e instanceof RequestNotSentException && e.getCause() != null
        ? e.getCause() : e;
    String detail = shown.getMessage() == null ? shown.getClass().getSimpleName()
        : shown.getClass().getSimpleName() + ": " + redaction.scrub(shown.getMessage());
    String outcome;
    if (applied && sent > 1) {
      outcome = " (sent " + sent + " times; the write may or may not have been applied)";
    } else if (applied) {
      outcome = " (the write may or may not have been applied; it was not replayed automatically)";
    } else {
      outcome = write && HttpMethods.neverSent(e) ? " (the request was not sent)" : "";
    }
    return new TitanIOException("I/O failure on " + path + ": " + detail + outcome,
        redaction.scrub((Throwable) e), applied);
  }

  /** The scrubber of this client family: it knows the client secrets, app key and tokens. */
  Redaction redaction() {
    return redaction;
  }

  private void checkOpen() {
    if (closed.get() || family.isReleased()) {
      throw new IllegalStateException("this ServiceTitan client is closed");
    }
  }

  /**
   * Closes this client: its calls in flight are cancelled and new calls are refused. When it is
   * the last open client of its family (a top-level client and the clients derived from it with
   * {@code withTenant}), the family's shared resources go too: the paging threads end, the
   * caches close and, when TitanJ created the HTTP client itself, the dispatcher is shut down and
   * every pooled connection is closed. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    inFlight.cancelAll();
    if (family.leave()) {
      family.release();
    }
  }

  @Override
  public String toString() {
    return "TitanContext{" + settings + "}";
  }
}
