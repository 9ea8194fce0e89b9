package dev.titanj.core;

/** The requested entity does not exist (HTTP 404). Repositories' {@code findById} turns this into an empty result. */
public class NotFoundException extends TitanApiException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String title, String type, String traceId, String requestPath) {
    super(404, title, type, traceId, java.util.Map.of(), requestPath);
  }
}
