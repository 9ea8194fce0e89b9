package dev.titanj.core;

/**
 * Authentication failed: the token endpoint refused the client credentials, or the API answered
 * HTTP 401 again after one forced token refresh. Check the client id, client secret and app key
 * for the environment in use.
 */
public class AuthenticationException extends TitanApiException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String title, String type, String traceId, String requestPath) {
    super(401, title, type, traceId, java.util.Map.of(), requestPath);
  }
}
