package dev.titanj.core.internal;

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
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
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
    public final String clientSecret;
    public final String appKey;
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

    public Settings(Environment environment, String clientId, String clientSecret, String appKey,
        long tenantId, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
        Duration tokenRefreshMargin, RetryPolicy retryPolicy, TokenStore tokenStore,
        CacheSettings cacheSettings, RateLimit rateLimit, Clock clock, Sleeper sleeper,
        OkHttpClient baseHttpClient) {
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
          clock, sleeper, baseHttpClient);
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

  private final Settings settings;
  private final OkHttpClient http;
  private final Retrofit retrofit;
  private final TokenProvider tokens;
  private final TitanCaches caches;
  private final ExecutorService pagingExecutor;
  private final boolean ownsShared;
  private final ConcurrentHashMap<Class<?>, Object> services = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private TitanContext(Settings settings, OkHttpClient sharedBase, TitanCaches caches,
      ExecutorService pagingExecutor, boolean ownsShared) {
    this.settings = settings;
    this.caches = caches;
    this.pagingExecutor = pagingExecutor;
    this.ownsShared = ownsShared;
    this.tokens = new TokenProvider(settings, sharedBase);
    this.http = sharedBase.newBuilder()
        .addInterceptor(new AuthInterceptor(tokens, settings.appKey))
        .build();
    this.retrofit = new Retrofit.Builder()
        .baseUrl(settings.environment.apiBase().toString() + "/")
        .client(http)
        .addConverterFactory(MoshiConverterFactory.create(TitanJson.moshi()))
        .build();
  }

  /** Creates the context of a new top-level client. */
  public static TitanContext create(Settings settings) {
    OkHttpClient base = (settings.baseHttpClient == null ? new OkHttpClient() : settings.baseHttpClient)
        .newBuilder()
        .connectTimeout(settings.connectTimeout)
        .readTimeout(settings.readTimeout)
        .writeTimeout(settings.readTimeout)
        .callTimeout(settings.callTimeout)
        .followRedirects(false)
        .build();
    ExecutorService executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "titanj-paging");
      t.setDaemon(true);
      return t;
    });
    return new TitanContext(settings, base, new TitanCaches(settings.cacheSettings, settings.clock), executor, true);
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
    return new TitanContext(settings.forTenant(tenantId, clientId, clientSecret),
        tokens.baseClient(), caches, pagingExecutor, false);
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

  /** The OkHttp client calls go through (auth, retries and logging included). */
  public OkHttpClient httpClient() {
    return http;
  }

  /** A Retrofit implementation of {@code service}, created once per client. */
  @SuppressWarnings("unchecked")
  public <T> T api(Class<T> service) {
    return (T) services.computeIfAbsent(service, retrofit::create);
  }

  /** Runs prefetched and parallel page requests. */
  public ExecutorService pagingExecutor() {
    return pagingExecutor;
  }

  /** The cache of one resource, scoped to this client's environment and tenant. */
  public <K, V> ResourceCache<K, V> cache(String resource, Class<K> idType, Class<V> valueType) {
    return caches.cache(resource, scope(), idType, valueType);
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
   * Executes {@code call} and returns its body.
   *
   * @throws TitanApiException (a subtype per status) for error statuses
   * @throws TitanIOException for transport failures
   * @throws TitanDecodingException for a body that cannot be read
   */
  public <R> R execute(Call<R> call) {
    Response<R> response = send(call);
    if (response.isSuccessful()) {
      return response.body();
    }
    throw Errors.fromResponse(response.raw(), response.errorBody());
  }

  /** Like {@link #execute(Call)}, but a 404 is an empty result. */
  public <R> Optional<R> executeOrEmptyOn404(Call<R> call) {
    Response<R> response = send(call);
    if (response.isSuccessful()) {
      return Optional.ofNullable(response.body());
    }
    if (response.code() == 404) {
      return Optional.empty();
    }
    throw Errors.fromResponse(response.raw(), response.errorBody());
  }

  private <R> Response<R> send(Call<R> call) {
    String path = Errors.describe(call.request());
    try {
      return call.execute();
    } catch (JsonDataException | JsonEncodingException | TitanJsonException e) {
      throw Errors.decoding(e, path);
    } catch (TitanException e) {
      throw e;
    } catch (IOException e) {
      boolean write = !"GET".equals(call.request().method())
          && !"DELETE".equals(call.request().method());
      throw new TitanIOException("I/O failure on " + path + ": " + e.getMessage()
          + (write ? " (the write may or may not have been applied)" : ""), e, write);
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (ownsShared) {
      pagingExecutor.shutdownNow();
      caches.close();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "TitanContext{" + settings + "}";
  }
}
