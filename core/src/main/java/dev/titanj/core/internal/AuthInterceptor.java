package dev.titanj.core.internal;

import dev.titanj.core.AccessToken;
import java.io.IOException;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds {@code Authorization: Bearer} and {@code ST-App-Key} to every API call. A 401 causes one
 * forced token refresh and one replay; a second 401 is returned to the caller, which raises
 * {@link dev.titanj.core.AuthenticationException}.
 *
 * <p>Credentials go only to the API base URL's scheme, host and port: a request anywhere else
 * (an absolute URL in a service method, for example) is sent without them. Redirects are not
 * followed by the client, so credentials never travel to a redirect target either.
 */
final class AuthInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger("dev.titanj.auth");

  private final TokenProvider tokens;
  private final String appKey;
  private final HttpUrl apiBase;

  AuthInterceptor(TokenProvider tokens, String appKey, HttpUrl apiBase) {
    this.tokens = tokens;
    this.appKey = appKey;
    this.apiBase = apiBase;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!sameOrigin(request.url())) {
      log.debug("not sending credentials to {}://{}:{}, which is not the API base URL",
          request.url().scheme(), request.url().host(), request.url().port());
      return chain.proceed(request.newBuilder()
          .removeHeader("Authorization")
          .removeHeader("ST-App-Key")
          .build());
    }
    AccessToken token = tokens.current();
    Response response = chain.proceed(authorize(request, token));
    if (response.code() != 401) {
      return response;
    }
    response.close();
    log.debug("{} answered 401; refreshing the token and replaying once",
        Errors.describe(request));
    AccessToken fresh = tokens.refreshAfterRejection(token);
    return chain.proceed(authorize(request, fresh));
  }

  private boolean sameOrigin(HttpUrl url) {
    return url.scheme().equals(apiBase.scheme())
        && url.host().toLowerCase(Locale.ROOT).equals(apiBase.host().toLowerCase(Locale.ROOT))
        && url.port() == apiBase.port();
  }

  private Request authorize(Request request, AccessToken token) {
    return request.newBuilder()
        .header("Authorization", "Bearer " + token.value())
        .header("ST-App-Key", appKey)
        .build();
  }

  @Override
  public String toString() {
    return "AuthInterceptor{" + apiBase.host() + "}";
  }
}
