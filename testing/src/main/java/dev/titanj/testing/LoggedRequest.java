package dev.titanj.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the {@link FakeServiceTitan} received, for assertions: method, path, decoded query,
 * headers with {@code Authorization} and {@code ST-App-Key} values replaced by
 * {@code <redacted>}, the request body (never for token requests, which carry the secret), the
 * status answered and the server-clock time.
 */
public final class LoggedRequest {
  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final String body;
  private final int status;
  private final Instant time;

  LoggedRequest(String method, String path, Map<String, List<String>> query,
      Map<String, List<String>> headers, String body, int status, Instant time) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.status = status;
    this.time = time;
  }

  public String method() {
    return method;
  }

  /** The encoded path without the query, e.g. {@code /crm/v2/tenant/1/customers}. */
  public String path() {
    return path;
  }

  /** Query parameters, decoded, in arrival order. */
  public Map<String, List<String>> query() {
    return query;
  }

  /** The first value of query parameter {@code name}. */
  public Optional<String> queryParameter(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** Request headers (lower-case names), secrets redacted. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** Whether the request carried header {@code name} (case-insensitive). */
  public boolean hasHeader(String name) {
    return headers.containsKey(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** The request body as text; empty for token requests and requests without a body. */
  public Optional<String> body() {
    return Optional.ofNullable(body);
  }

  /** The status the fake server answered with (0 when the connection was dropped first). */
  public int status() {
    return status;
  }

  /** When the request arrived, by the server's clock. */
  public Instant time() {
    return time;
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status;
  }
}
