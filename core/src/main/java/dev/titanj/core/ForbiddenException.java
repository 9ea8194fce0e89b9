package dev.titanj.core;

/** The credentials are valid but lack the scope for this call (HTTP 403). */
public class ForbiddenException extends TitanApiException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String title, String type, String traceId, String requestPath) {
    super(403, title, type, traceId, java.util.Map.of(), requestPath);
  }
}
