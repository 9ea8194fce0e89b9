package dev.titanj.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API answered with an error status. Carries what ServiceTitan's RFC 7807-style
 * {@code ApiErrorResponse} body says: status, title, type, trace id and per-field errors.
 * Subclasses name the common statuses so callers can catch them one by one; use
 * {@link #of(int, String, String, String, Map, String)} to build the right subtype.
 */
public class TitanApiException extends TitanException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final String type;
  private final String traceId;
  private final Map<String, List<String>> fieldErrors;
  private final String requestPath;

  /**
   * @param status HTTP status code
   * @param title short summary from the error body, or null
   * @param type problem type URI from the error body, or null
   * @param traceId ServiceTitan's trace id for support requests, or null
   * @param fieldErrors field name to messages, never null (may be empty)
   * @param requestPath method and path of the failed request (no query string, no secrets), or null
   */
  public TitanApiException(int status, String title, String type, String traceId,
      Map<String, List<String>> fieldErrors, String requestPath) {
    super(describe(status, title, traceId, fieldErrors, requestPath));
    this.status = status;
    this.title = title;
    this.type = type;
    this.traceId = traceId;
    this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
    this.requestPath = requestPath;
  }

  /** Builds the subtype that matches {@code status}. */
  public static TitanApiException of(int status, String title, String type, String traceId,
      Map<String, List<String>> fieldErrors, String requestPath) {
    switch (status) {
      case 400: return new BadRequestException(title, type, traceId, fieldErrors, requestPath);
      case 401: return new AuthenticationException(title, type, traceId, requestPath);
      case 403: return new ForbiddenException(title, type, traceId, requestPath);
      case 404: return new NotFoundException(title, type, traceId, requestPath);
      case 409: return new ConflictException(title, type, traceId, fieldErrors, requestPath);
      case 429: return new RateLimitException(title, type, traceId, null, requestPath);
      default:
        if (status >= 500) {
          return new ServerException(status, title, type, traceId, requestPath);
        }
        return new TitanApiException(status, title, type, traceId, fieldErrors, requestPath);
    }
  }

  private static String describe(int status, String title, String traceId,
      Map<String, List<String>> fieldErrors, String requestPath) {
    StringBuilder sb = new StringBuilder().append("HTTP ").append(status);
    if (title != null && !title.isBlank()) {
      sb.append(": ").append(title);
    }
    if (requestPath != null) {
      sb.append(" (").append(requestPath).append(')');
    }
    if (traceId != null && !traceId.isBlank()) {
      sb.append(" [traceId=").append(traceId).append(']');
    }
    if (fieldErrors != null && !fieldErrors.isEmpty()) {
      sb.append(" errors=").append(fieldErrors);
    }
    return sb.toString();
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The error title from the response body. */
  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /** The problem type URI from the response body. */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /** ServiceTitan's trace id; quote it when contacting ServiceTitan support. */
  public Optional<String> traceId() {
    return Optional.ofNullable(traceId);
  }

  /** Validation messages by field name; empty when the body had none. */
  public Map<String, List<String>> fieldErrors() {
    return fieldErrors;
  }

  /** HTTP method and path of the failed request, such as {@code GET /crm/v2/tenant/1/customers}. */
  public Optional<String> requestPath() {
    return Optional.ofNullable(requestPath);
  }
}
