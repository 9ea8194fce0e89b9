package dev.titanj.core;

import dev.titanj.core.internal.Arguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request to any ServiceTitan API path, for endpoints TitanJ does not cover yet. Sent with
 * {@link ServiceTitan#send(RawRequest, java.lang.reflect.Type)}, it keeps what every generated
 * call has: the bearer token and app key, retries, the rate limit, typed errors and JSON through
 * {@link dev.titanj.core.json.TitanJson}. Immutable: each step returns a new request.
 *
 * <pre>{@code
 * Map<String, Object> job = st.send(
 *     RawRequest.get("jpm/v2/tenant/{tenant}/jobs/{id}").path("id", 42), Map.class);
 * }</pre>
 *
 * <p>The path is relative to the environment's API base URL; {@code {tenant}} is the client's
 * tenant, other placeholders are filled with {@link #path}. Every value is checked before
 * anything is sent: no scheme, host, query string or {@code ..} segment in the path.
 */
public final class RawRequest {
  private final String method;
  private final String path;
  private final Map<String, String> pathValues;
  private final List<String[]> query;
  private final Object body;

  private RawRequest(String method, String path, Map<String, String> pathValues,
      List<String[]> query, Object body) {
    this.method = method;
    this.path = path;
    this.pathValues = pathValues;
    this.query = query;
    this.body = body;
  }

  /** {@code GET path}. */
  public static RawRequest get(String path) {
    return of("GET", path, null);
  }

  /** {@code DELETE path}. */
  public static RawRequest delete(String path) {
    return of("DELETE", path, null);
  }

  /** {@code POST path} with {@code body} as JSON (a record, a map, a list). */
  public static RawRequest post(String path, Object body) {
    return of("POST", path, Arguments.notNull("body", body));
  }

  /** {@code PUT path} with {@code body} as JSON. */
  public static RawRequest put(String path, Object body) {
    return of("PUT", path, Arguments.notNull("body", body));
  }

  /** {@code PATCH path} with {@code body} as JSON. */
  public static RawRequest patch(String path, Object body) {
    return of("PATCH", path, Arguments.notNull("body", body));
  }

  private static RawRequest of(String method, String path, Object body) {
    String p = Arguments.notBlank("path", path).strip();
    if (p.startsWith("/")) {
      p = p.substring(1);
    }
    if (p.contains("://") || p.startsWith("/") || p.contains("?") || p.contains("#")
        || p.contains("\\")) {
      throw new IllegalArgumentException("path must be relative to the API base URL, without a"
          + " host or query string (use query(name, value)): " + path);
    }
    for (String segment : p.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
        throw new IllegalArgumentException("path must not have empty, '.' or '..' segments: "
            + path);
      }
    }
    return new RawRequest(method, p, Map.of(), List.of(), body);
  }

  /** Fills the placeholder {@code {name}} of the path with {@code value}, escaped as one segment. */
  public RawRequest path(String name, Object value) {
    Arguments.notBlank("name", name);
    String v = Arguments.wire(Arguments.notNull(name, value));
    if (!path.contains("{" + name + "}")) {
      throw new IllegalArgumentException("the path has no placeholder {" + name + "}: " + path);
    }
    if (name.equals("tenant")) {
      throw new IllegalArgumentException("{tenant} is always the client's tenant");
    }
    Map<String, String> copy = new java.util.LinkedHashMap<>(pathValues);
    copy.put(name, v);
    return new RawRequest(method, path, Map.copyOf(copy), query, body);
  }

  /** Adds the query parameter {@code name=value} (repeat the call for a repeated key). */
  public RawRequest query(String name, Object value) {
    Arguments.notBlank("name", name);
    String v = Arguments.wire(Arguments.notNull(name, value));
    List<String[]> copy = new ArrayList<>(query);
    copy.add(new String[] {name, v});
    return new RawRequest(method, path, pathValues, List.copyOf(copy), body);
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The path as given, placeholders unfilled. */
  public String path() {
    return path;
  }

  /**
   * The path with {@code {tenant}} and the {@link #path} values filled in, each escaped as one
   * segment; fails naming a placeholder that has no value.
   */
  String resolvedPath(long tenantId) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/")) {
      if (out.length() > 0) {
        out.append('/');
      }
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}/]+)}").matcher(segment);
      StringBuilder seg = new StringBuilder();
      while (m.find()) {
        String name = m.group(1);
        String value = name.equals("tenant") ? Long.toString(tenantId) : pathValues.get(name);
        if (value == null) {
          throw new IllegalArgumentException("no value for the path placeholder {" + name
              + "}: call path(\"" + name + "\", value)");
        }
        m.appendReplacement(seg, java.util.regex.Matcher.quoteReplacement(
            okhttp3.HttpUrl.get("http://h/").newBuilder().addPathSegment(value)
                .build().encodedPath().substring(1)));
      }
      m.appendTail(seg);
      out.append(seg);
    }
    return out.toString();
  }

  List<String[]> queryParameters() {
    return query;
  }

  Object body() {
    return body;
  }

  /** Method, path and parameter names; values are left out, as they may be personal data. */
  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    query.forEach(q -> names.add(q[0]));
    return "RawRequest{" + method + " " + path + (names.isEmpty() ? "" : " query " + names)
        + (body == null ? "" : " with a body") + "}";
  }
}
