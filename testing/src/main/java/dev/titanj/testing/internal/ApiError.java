package dev.titanj.testing.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An error the fake server answers with a ProblemDetails body. */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String title;
  final Map<String, List<String>> errors;

  public ApiError(int status, String title) {
    this(status, title, Map.of());
  }

  public ApiError(int status, String title, Map<String, List<String>> errors) {
    super(title, null, false, false);
    this.status = status;
    this.title = title;
    this.errors = new LinkedHashMap<>(errors);
  }

  public static ApiError badRequest(String field, String message) {
    return new ApiError(400, "One or more validation errors occurred.",
        Map.of(field, List.of(message)));
  }

  public static ApiError notFound(String title) {
    return new ApiError(404, title);
  }

  public int status() {
    return status;
  }

  /** The RFC 7807-style body ServiceTitan sends. */
  public Map<String, Object> body(String traceId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", typeFor(status));
    m.put("title", title);
    m.put("status", status);
    m.put("traceId", traceId);
    m.put("errors", errors);
    m.put("data", Map.of());
    return m;
  }

  static String typeFor(int status) {
    switch (status) {
      case 400: return "https://tools.ietf.org/html/rfc7231#section-6.5.1";
      case 401: return "https://tools.ietf.org/html/rfc7235#section-3.1";
      case 403: return "https://tools.ietf.org/html/rfc7231#section-6.5.3";
      case 404: return "https://tools.ietf.org/html/rfc7231#section-6.5.4";
      case 409: return "https://tools.ietf.org/html/rfc7231#section-6.5.8";
      default: return "https://tools.ietf.org/html/rfc7231#section-6.6.1";
    }
  }
}
