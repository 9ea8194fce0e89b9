package dev.titanj.core.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Types;
import dev.titanj.core.RateLimitException;
import dev.titanj.core.TitanApiException;
import dev.titanj.core.TitanDecodingException;
import dev.titanj.core.json.TitanJson;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.ResponseBody;

/** Maps HTTP error responses and JSON faults to TitanJ's exception types. */
public final class Errors {
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private Errors() {}

  /** {@code METHOD /path} of a request: no host, no query string, so no secret can leak. */
  public static String describe(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  /** The typed exception for an error response; reads the RFC 7807-style body leniently. */
  public static TitanApiException fromResponse(okhttp3.Response raw, ResponseBody body) {
    String path = describe(raw.request());
    String title = null;
    String type = null;
    String traceId = null;
    Map<String, List<String>> fieldErrors = Map.of();
    if (body != null) {
      try (ResponseBody b = body) {
        String text = b.source().readUtf8(Math.min(MAX_ERROR_BODY, Math.max(0, b.contentLength() < 0
            ? MAX_ERROR_BODY : b.contentLength())));
        Map<String, Object> json = parseObject(text);
        if (json != null) {
          title = string(json.get("title"));
          if (title == null) {
            title = string(json.get("detail"));
          }
          if (title == null) {
            title = string(json.get("error_description"));
          }
          if (title == null) {
            title = string(json.get("error"));
          }
          type = string(json.get("type"));
          traceId = string(json.get("traceId"));
          fieldErrors = fieldErrors(json.get("errors"));
        } else if (!text.isBlank() && text.length() <= 300) {
          title = text.trim();
        }
      } catch (IOException | RuntimeException e) {
        // An unreadable error body still yields a typed exception with the status.
      }
    }
    if (traceId == null) {
      traceId = raw.header("traceparent") != null ? raw.header("traceparent") : raw.header("X-Trace-Id");
    }
    if (raw.code() == 429) {
      return new RateLimitException(title, type, traceId, retryAfter(raw.header("Retry-After")), path);
    }
    return TitanApiException.of(raw.code(), title, type, traceId, fieldErrors, path);
  }

  /** Parses a {@code Retry-After} value in seconds; null when absent or not a number. */
  static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The decoding exception for a JSON fault while reading the response of {@code path}. */
  public static TitanDecodingException decoding(Exception e, String path) {
    String msg = e.getMessage();
    String field = null;
    String type = "response";
    if (msg != null) {
      int at = msg.lastIndexOf(" at path ");
      if (at >= 0) {
        field = msg.substring(at + " at path ".length()).trim();
      }
      if (msg.startsWith("Expected ") || msg.contains("but was")) {
        type = "JSON value";
      }
    }
    if (e instanceof TitanJsonException) {
      TitanJsonException t = (TitanJsonException) e;
      type = t.type();
      field = t.field();
    }
    return new TitanDecodingException(type, field, path, e);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parseObject(String text) {
    if (text == null || text.isBlank() || text.trim().charAt(0) != '{') {
      return null;
    }
    try {
      JsonAdapter<Map<String, Object>> adapter = TitanJson.moshi().adapter(
          Types.newParameterizedType(Map.class, String.class, Object.class));
      JsonReader reader = JsonReader.of(new okio.Buffer().writeUtf8(text));
      reader.setLenient(true);
      return adapter.fromJson(reader);
    } catch (IOException | JsonDataException e) {
      return null;
    }
  }

  private static String string(Object o) {
    return o == null ? null : o instanceof Double && ((Double) o) % 1 == 0
        ? String.valueOf(((Double) o).longValue()) : o.toString();
  }

  private static Map<String, List<String>> fieldErrors(Object o) {
    if (!(o instanceof Map)) {
      return Map.of();
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    ((Map<?, ?>) o).forEach((k, v) -> {
      if (v instanceof List) {
        out.put(String.valueOf(k), ((List<?>) v).stream().map(String::valueOf).toList());
      } else if (v != null) {
        out.put(String.valueOf(k), List.of(String.valueOf(v)));
      }
    });
    return out;
  }
}
