package dev.titanj.core.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import dev.titanj.core.AccessToken;
import dev.titanj.core.AuthenticationException;
import dev.titanj.core.TitanApiException;
import dev.titanj.core.TitanIOException;
import dev.titanj.core.json.TitanJson;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Obtains OAuth 2.0 client-credentials tokens and caches them in the client's
 * {@link dev.titanj.core.TokenStore}. Refresh is single-flight: concurrent callers on a cold or
 * expired client wait for one token request.
 */
public final class TokenProvider {
  private static final long DEFAULT_EXPIRES_IN = 900;

  private final TitanContext.Settings settings;
  private final OkHttpClient client;
  private final String storeKey;
  private final AtomicLong requests = new AtomicLong();
  private final Object lock = new Object();

  TokenProvider(TitanContext.Settings settings, OkHttpClient client) {
    this.settings = settings;
    this.client = client;
    this.storeKey = settings.environment.authBase() + "|" + settings.clientId;
  }

  OkHttpClient baseClient() {
    return client;
  }

  long requestCount() {
    return requests.get();
  }

  /** A valid token, fetching one when none is cached or it is about to expire. */
  public AccessToken current() {
    AccessToken t = usable();
    if (t != null) {
      return t;
    }
    synchronized (lock) {
      t = usable();
      return t != null ? t : fetch();
    }
  }

  /**
   * Replaces {@code rejected} after the API refused it; a token another thread already replaced
   * it with is returned as is.
   */
  public AccessToken refreshAfterRejection(AccessToken rejected) {
    synchronized (lock) {
      AccessToken t = settings.tokenStore.get(storeKey).orElse(null);
      if (t != null && !t.equals(rejected) && !t.isExpiringWithin(settings.tokenRefreshMargin, now())) {
        return t;
      }
      settings.tokenStore.remove(storeKey);
      return fetch();
    }
  }

  private AccessToken usable() {
    AccessToken t = settings.tokenStore.get(storeKey).orElse(null);
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
    Instant requestedAt = now();
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      if (!response.isSuccessful()) {
        Map<String, Object> json = parse(text);
        String error = json == null ? null : (String) json.get("error");
        String description = error == null ? "token request failed" : "token request failed: " + error;
        if (response.code() == 400 || response.code() == 401) {
          throw new AuthenticationException(description
              + " (check client id and secret for this environment)", null, null,
              "POST " + request.url().encodedPath());
        }
        throw TitanApiException.of(response.code(), description, null, null, Map.of(),
            "POST " + request.url().encodedPath());
      }
      Map<String, Object> json = parse(text);
      Object value = json == null ? null : json.get("access_token");
      if (!(value instanceof String) || ((String) value).isBlank()) {
        throw new AuthenticationException("token response had no access_token", null, null,
            "POST " + request.url().encodedPath());
      }
      Object expiresIn = json.get("expires_in");
      long seconds = expiresIn instanceof Number ? ((Number) expiresIn).longValue()
          : expiresIn instanceof String ? Long.parseLong(((String) expiresIn).trim()) : DEFAULT_EXPIRES_IN;
      AccessToken token = new AccessToken((String) value, requestedAt.plusSeconds(seconds));
      settings.tokenStore.put(storeKey, token);
      return token;
    } catch (IOException e) {
      throw new TitanIOException("token request to " + request.url().host() + " failed: "
          + e.getClass().getSimpleName(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      JsonAdapter<Map<String, Object>> adapter = TitanJson.moshi().adapter(
          Types.newParameterizedType(Map.class, String.class, Object.class));
      return adapter.lenient().fromJson(text);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
