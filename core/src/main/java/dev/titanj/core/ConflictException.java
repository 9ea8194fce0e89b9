package dev.titanj.core;

/** The request conflicts with the entity's state (HTTP 409), such as an appointment already confirmed. */
public class ConflictException extends TitanApiException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String title, String type, String traceId,
      java.util.Map<String, java.util.List<String>> fieldErrors, String requestPath) {
    super(409, title, type, traceId, fieldErrors, requestPath);
  }
}
