package dev.titanj.core.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import dev.titanj.core.AccessToken;
import dev.titanj.core.AuthenticationException;
import dev.titanj.core.TitanException;
import dev.titanj.core.TitanIOException;
import dev.titanj.core.json.TitanJson;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains OAuth 2.0 client-credentials tokens from {@code {authBase}/connect/token} and caches
 * them in the client's {@link dev.titanj.core.TokenStore} under environment, tenant and client
 * id, until {@code expires_in} minus the refresh margin.
 *
 * <p>Refresh is single-flight: while one thread fetches, every other caller waits for that same
 * request and shares its outcome, token or failure. The token request uses the plain HTTP
 * client (never the auth interceptor) with retries for 429, 502/503/504 and I/O failures:
 * asking for a token twice is harmless. The refreshing thread goes through the store's
 * {@link dev.titanj.core.TokenStore#refresh}, so a store shared by several processes (such as
 * {@link dev.titanj.core.JCacheTokenStore}) can make them share one token request too.
 */
public final class TokenProvider {
  private static final Logger log = LoggerFactory.getLogger("dev.titanj.auth");
  private static final long DEFAULT_EXPIRES_IN = 900;
  /**
   * The shortest lifetime a token is given, beyond the refresh margin: a token endpoint that
   * answers {@code expires_in} of 0, a negative number or less than the margin would otherwise
   * cost one token request per call. A token that really is shorter-lived is rejected with a 401,
   * which refreshes it once and replays the call.
   */
  static final long MIN_USABLE_SECONDS = 60;
  /**
   * The longest lifetime believed (24 h): {@code expires_in} of {@code 1e20} or
   * {@code Long.MAX_VALUE} would overflow an {@code Instant}; ServiceTitan's tokens last 900 s.
   */
  static final long MAX_EXPIRES_IN = 24 * 60 * 60;
  private static final JsonAdapter<Map<String, Object>> MAP_ADAPTER = TitanJson.moshi()
      .<Map<String, Object>>adapter(Types.newParameterizedType(Map.class, String.class, Object.class))
      .lenient();

  private final TitanContext.Settings settings;
  private final OkHttpClient client;
  private final String storeKey;
  private final Redaction redaction;
  private final AtomicLong requests = new AtomicLong();
  private final ReentrantLock lock = new ReentrantLock();
  private CompletableFuture<AccessToken> inFlight; // guarded by lock

  /**
   * @param client the client token requests go through: retries and logging, no auth
   * @param redaction the client's scrubber; every token this provider hands out is registered
   *     with it, and every error built from the token endpoint's answer goes through it
   */
  TokenProvider(TitanContext.Settings settings, OkHttpClient client, Redaction redaction) {
    this.settings = settings;
    this.redaction = redaction;
    redaction.remember(settings.clientSecret);
    this.client = client;
    this.storeKey = storeKey(settings);
  }

  /**
   * The token-store key: environment (auth base URL), tenant and client id, so a token never
   * crosses environments or tenants, and rotated credentials get a token of their own.
   */
  public static String storeKey(TitanContext.Settings settings) {
    return settings.environment.authBase() + "|" + settings.tenantId + "|" + settings.clientId;
  }

  long requestCount() {
    return requests.get();
  }

  /** A valid token, fetching one when none is cached or it is about to expire. */
  public AccessToken current() {
    AccessToken t = usable(stored());
    return known(t != null ? t : refresh(null));
  }

  /**
   * Replaces {@code rejected} after the API refused it; a token another thread already replaced
   * it with is returned as is.
   */
  public AccessToken refreshAfterRejection(AccessToken rejected) {
    return known(refresh(rejected));
  }

  /** Registers {@code t} with the scrubber: a token this client holds is never shown. */
  private AccessToken known(AccessToken t) {
    if (t != null) {
      redaction.remember(t.value());
    }
    return t;
  }

  private AccessToken refresh(AccessToken rejected) {
    CompletableFuture<AccessToken> flight;
    boolean leader = false;
    lock.lock();
    try {
      AccessToken t = usable(stored());
      if (t != null && !t.equals(rejected)) {
        return t;
      }
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        leader = true;
        if (rejected != null) {
          try {
            settings.tokenStore.remove(storeKey, rejected);
          } catch (RuntimeException e) {
            log.debug("token store failed to remove a rejected token: {}", e.getClass().getName());
          }
        }
      }
      flight = inFlight;
    } finally {
      lock.unlock();
    }
    if (leader) {
      try {
        flight.complete(obtain(rejected));
      } catch (Throwable e) {
        flight.completeExceptionally(e);
      } finally {
        lock.lock();
        try {
          inFlight = null;
        } finally {
          lock.unlock();
        }
      }
    }
    try {
      return flight.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new TitanException("token request failed", cause);
    }
  }

  /**
   * Gets a new token through the store's {@link dev.titanj.core.TokenStore#refresh}, which may
   * adopt a token another process stored meanwhile. The store may fail (a cluster that is down):
   * the client then uses the token it fetched, or fetches one itself. A failed token request is
   * raised as is.
   */
  private AccessToken obtain(AccessToken rejected) {
    Predicate<AccessToken> usable = t -> usable(t) != null && !t.equals(rejected);
    AtomicReference<AccessToken> fetched = new AtomicReference<>();
    AtomicReference<RuntimeException> fetchFailure = new AtomicReference<>();
    Supplier<AccessToken> fetchOnce = () -> {
      AccessToken done = fetched.get();
      if (done != null) {
        return done;
      }
      try {
        AccessToken t = fetch();
        fetched.set(t);
        return t;
      } catch (RuntimeException e) {
        fetchFailure.set(e);
        throw e;
      }
    };
    try {
      AccessToken t = settings.tokenStore.refresh(storeKey, usable, fetchOnce);
      if (t != null && (t == fetched.get() || usable.test(t))) {
        return t;
      }
      log.debug("token store returned no usable token; using one of this client's");
    } catch (RuntimeException e) {
      if (e == fetchFailure.get()) {
        throw e;
      }
      // A shared store that is down must not fail the call.
      log.debug("token store failed during refresh: {}", e.getClass().getName());
    }
    AccessToken mine = fetched.get();
    return mine != null ? mine : fetchOnce.get();
  }

  /** The stored token; a store that fails counts as empty. */
  private AccessToken stored() {
    try {
      return settings.tokenStore.get(storeKey).orElse(null);
    } catch (RuntimeException e) {
      log.debug("token store failed to read; fetching a token: {}", e.getClass().getName());
      return null;
    }
  }

  private AccessToken usable(AccessToken t) {
    return t != null && !t.isExpiringWithin(settings.tokenRefreshMargin, now()) ? t : null;
  }

  private Instant now() {
    return settings.clock.instant();
  }

  private AccessToken fetch() {
    requests.incrementAndGet();
    Request request = new Request.Builder()
        .url(settings.environment.tokenEndpoint().toString())
        .post(new FormBody.Builder()
            .add("grant_type", "client_credentials")
            .add("client_id", settings.clientId)
            .add("client_secret", settings.clientSecret)
            .build())
        .header("Accept", "application/json")
        .build();
    String path = "POST " + request.url().encodedPath();
    Instant requestedAt = now();
    try (Response response = client.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw failure(response, path);
      }
      ResponseBody body = response.body();
      Map<String, Object> json = parse(body.string());
      Object value = json == null ? null : json.get("access_token");
      if (!(value instanceof String) || ((String) value).isBlank()) {
        throw new AuthenticationException("token response had no access_token", null, null, path);
      }
      redaction.remember((String) value);
      AccessToken token = new AccessToken((String) value,
          requestedAt.plusSeconds(lifetime(expiresIn(json.get("expires_in")))));
      log.debug("obtained an access token for {} valid until {}", settings.environment.name(),
          token.expiresAt());
      return token;
    } catch (IOException e) {
      throw new TitanIOException("token request to " + request.url().host() + " failed: "
          + e.getClass().getSimpleName(), redaction.scrub((Throwable) e), false);
    }
  }

  /**
   * The exception for a refused token request; credentials problems become authentication
   * errors. Whatever the status, text from the answer goes through the scrubber: a token
   * endpoint that echoes the posted form never puts the client secret into a message.
   */
  private RuntimeException failure(Response response, String path) {
    int code = response.code();
    if (code == 400 || code == 401 || code == 403) {
      String error = null;
      try {
        ResponseBody body = response.body();
        Map<String, Object> json = parse(Errors.readUpTo(body, 16 * 1024));
        error = json == null || json.get("error") == null ? null : String.valueOf(json.get("error"));
      } catch (IOException | RuntimeException ignored) {
        // The status alone is enough.
      }
      error = Redaction.scrub(redaction.scrub(error), settings.clientId);
      return new AuthenticationException("token request refused"
          + (error == null ? "" : ": " + error)
          + " (check the client id and secret for the " + settings.environment.name()
          + " environment)", null, null, path);
    }
    return Errors.fromResponse(response, response.body(), now(), redaction);
  }

  /**
   * The lifetime given to a token whose response said {@code expiresIn} seconds: at least the
   * refresh margin plus {@link #MIN_USABLE_SECONDS} (so a token is used for at least a minute), at
   * most {@link #MAX_EXPIRES_IN}.
   */
  long lifetime(long expiresIn) {
    long margin = Math.min(settings.tokenRefreshMargin.getSeconds(), MAX_EXPIRES_IN);
    long min = margin + MIN_USABLE_SECONDS;
    long clamped = Math.max(min, Math.min(expiresIn, Math.max(min, MAX_EXPIRES_IN)));
    if (clamped != expiresIn) {
      log.debug("token endpoint said expires_in={} s; using {} s", expiresIn, clamped);
    }
    return clamped;
  }

  /** {@code expires_in} as seconds; numbers beyond {@code long} saturate, junk means 900 s. */
  private static long expiresIn(Object v) {
    try {
      if (v instanceof Number) {
        double d = ((Number) v).doubleValue();
        if (Double.isNaN(d)) {
          return DEFAULT_EXPIRES_IN;
        }
        return d >= Long.MAX_VALUE ? Long.MAX_VALUE : d <= Long.MIN_VALUE ? Long.MIN_VALUE
            : ((Number) v).longValue();
      }
      if (v instanceof String) {
        return new java.math.BigDecimal(((String) v).trim())
            .max(java.math.BigDecimal.valueOf(Long.MIN_VALUE))
            .min(java.math.BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    return DEFAULT_EXPIRES_IN;
  }

  private static Map<String, Object> parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return MAP_ADAPTER.fromJson(text);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "TokenProvider{" + settings.environment.name() + "}";
  }
}
