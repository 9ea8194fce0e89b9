package dev.titanj.testing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One recorded HTTP exchange as stored in a fixture file: the normalised request (method,
 * tenant-templated path, query as a sorted multimap, JSON body for writes) and the response
 * (status, a few headers, JSON body or text).
 */
public final class Interaction {
  public final String method;
  public final String path;
  public final Map<String, List<String>> query;
  public final Object body;
  public final boolean synthetic;
  public final int status;
  public final Map<String, String> responseHeaders;
  public final Object responseBody;
  public final String responseText;

  public Interaction(String method, String path, Map<String, List<String>> query, Object body,
      boolean synthetic, int status, Map<String, String> responseHeaders, Object responseBody,
      String responseText) {
    this.method = method;
    this.path = path;
    this.query = normalize(query);
    this.body = body;
    this.synthetic = synthetic;
    this.status = status;
    this.responseHeaders = responseHeaders == null ? Map.of() : new LinkedHashMap<>(responseHeaders);
    this.responseBody = responseBody;
    this.responseText = responseText;
  }

  /** Query as a name-sorted map with each value list sorted: the order-insensitive form. */
  public static Map<String, List<String>> normalize(Map<String, List<String>> query) {
    Map<String, List<String>> out = new TreeMap<>();
    if (query != null) {
      query.forEach((k, v) -> {
        List<String> values = new ArrayList<>(v);
        values.sort(null);
        out.put(k, values);
      });
    }
    return out;
  }

  /** Whether this recording answers a request with these (normalised) parts. */
  public boolean matches(String m, String p, Map<String, List<String>> q, Object b) {
    if (!method.equals(m) || !path.equals(p) || !query.equals(q)) {
      return false;
    }
    if (isWrite(m)) {
      return Json.sameJson(body, b);
    }
    return true;
  }

  /** A rough distance to a request, for "closest recorded" diagnostics. */
  public int distance(String m, String p, Map<String, List<String>> q, Object b) {
    int d = method.equals(m) ? 0 : 100;
    if (!path.equals(p)) {
      String[] a = path.split("/");
      String[] c = p.split("/");
      d += 20 + 10 * Math.abs(a.length - c.length);
      for (int i = 0; i < Math.min(a.length, c.length); i++) {
        if (!a[i].equals(c[i])) {
          d += 10;
        }
      }
    }
    for (String k : query.keySet()) {
      if (!Objects.equals(query.get(k), q.get(k))) {
        d += 3;
      }
    }
    for (String k : q.keySet()) {
      if (!query.containsKey(k)) {
        d += 3;
      }
    }
    if (isWrite(m) && !Json.sameJson(body, b)) {
      d += 5;
    }
    return d;
  }

  static boolean isWrite(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
        || method.equals("DELETE");
  }

  /** A one-line description: {@code GET /path?a=1&b=2}. */
  public String describeRequest() {
    return describe(method, path, query, body);
  }

  public static String describe(String method, String path, Map<String, List<String>> query,
      Object body) {
    StringBuilder sb = new StringBuilder(method).append(' ').append(path);
    String sep = "?";
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      for (String v : e.getValue()) {
        sb.append(sep).append(e.getKey()).append('=').append(v);
        sep = "&";
      }
    }
    if (body != null) {
      String text = Json.write(body);
      sb.append(" body ").append(text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }
    return sb.toString();
  }

  /** The JSON form stored in fixture files. */
  public Map<String, Object> toJson() {
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("method", method);
    req.put("path", path);
    if (!query.isEmpty()) {
      req.put("query", query);
    }
    if (body != null) {
      req.put("body", body);
    }
    if (synthetic) {
      req.put("synthetic", true);
    }
    Map<String, Object> resp = new LinkedHashMap<>();
    resp.put("status", status);
    if (!responseHeaders.isEmpty()) {
      resp.put("headers", responseHeaders);
    }
    if (responseBody != null) {
      resp.put("body", responseBody);
    } else if (responseText != null) {
      resp.put("text", responseText);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("request", req);
    out.put("response", resp);
    return out;
  }

  /** Reads the JSON form of {@link #toJson()}. */
  @SuppressWarnings("unchecked")
  public static Interaction fromJson(Map<String, Object> json) {
    Map<String, Object> req = (Map<String, Object>) json.get("request");
    Map<String, Object> resp = (Map<String, Object>) json.get("response");
    if (req == null || resp == null) {
      throw new IllegalArgumentException("an interaction needs 'request' and 'response'");
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    Object q = req.get("query");
    if (q instanceof Map) {
      ((Map<String, Object>) q).forEach((k, v) -> {
        List<String> values = new ArrayList<>();
        if (v instanceof List) {
          for (Object o : (List<Object>) v) {
            values.add(String.valueOf(o));
          }
        } else {
          values.add(String.valueOf(v));
        }
        query.put(k, values);
      });
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Object h = resp.get("headers");
    if (h instanceof Map) {
      ((Map<String, Object>) h).forEach((k, v) -> headers.put(k, String.valueOf(v)));
    }
    Object status = resp.get("status");
    return new Interaction(String.valueOf(req.get("method")), String.valueOf(req.get("path")),
        query, req.get("body"), Boolean.TRUE.equals(req.get("synthetic")),
        status instanceof Number ? ((Number) status).intValue() : 200, headers, resp.get("body"),
        resp.get("text") == null ? null : String.valueOf(resp.get("text")));
  }
}
