package dev.titanj.core.internal;

import dev.titanj.core.AccessToken;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer} and {@code ST-App-Key} to every API call. A 401 causes one
 * forced token refresh and one replay; a second 401 is returned to the caller, which raises
 * {@link dev.titanj.core.AuthenticationException}.
 */
final class AuthInterceptor implements Interceptor {
  private final TokenProvider tokens;
  private final String appKey;

  AuthInterceptor(TokenProvider tokens, String appKey) {
    this.tokens = tokens;
    this.appKey = appKey;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    AccessToken token = tokens.current();
    Response response = chain.proceed(authorize(chain.request(), token));
    if (response.code() != 401) {
      return response;
    }
    response.close();
    AccessToken fresh = tokens.refreshAfterRejection(token);
    return chain.proceed(authorize(chain.request(), fresh));
  }

  private Request authorize(Request request, AccessToken token) {
    return request.newBuilder()
        .header("Authorization", "Bearer " + token.value())
        .header("ST-App-Key", appKey)
        .build();
  }
}
