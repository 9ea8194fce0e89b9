package dev.titanj.core;

/** ServiceTitan failed to handle the request (HTTP 5xx) after the configured retries. */
public class ServerException extends TitanApiException {
  private static final long serialVersionUID = 1L;

  public ServerException(int status, String title, String type, String traceId, String requestPath) {
    super(status, title, type, traceId, java.util.Map.of(), requestPath);
  }
}
