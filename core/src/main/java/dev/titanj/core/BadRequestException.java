package dev.titanj.core;

/** The request was rejected as invalid (HTTP 400); see {@link #fieldErrors()}. */
public class BadRequestException extends TitanApiException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(String title, String type, String traceId,
      java.util.Map<String, java.util.List<String>> fieldErrors, String requestPath) {
    super(400, title, type, traceId, fieldErrors, requestPath);
  }
}
