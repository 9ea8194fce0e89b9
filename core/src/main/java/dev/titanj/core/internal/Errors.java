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
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
    return fromResponse(raw, body, Instant.now(), Redaction.PATTERNS_ONLY);
  }

  /** Like {@link #fromResponse(okhttp3.Response, ResponseBody, Instant, Redaction)}, knowing no secret. */
  public static TitanApiException fromResponse(okhttp3.Response raw, ResponseBody body,
      Instant now) {
    return fromResponse(raw, body, now, Redaction.PATTERNS_ONLY);
  }

  /**
   * The typed exception for an error response; reads the RFC 7807-style body
   * {@code {type, title, status, traceId, errors: {field: [message]}}} leniently. {@code now}
   * turns an HTTP-date {@code Retry-After} into a duration. Everything taken from the response
   * (title, type, trace id, field names and messages) goes through {@code redaction}, so a body
   * that echoes the request's headers never puts a token or the app key into the exception.
   */
  public static TitanApiException fromResponse(okhttp3.Response raw, ResponseBody body,
      Instant now, Redaction redaction) {
    String path = describe(raw.request());
    String title = null;
    String type = null;
    String traceId = null;
    Map<String, List<String>> fieldErrors = Map.of();
    if (body != null) {
      try (ResponseBody b = body) {
        String text = readUpTo(b, MAX_ERROR_BODY);
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
    title = redaction.scrub(title);
    type = redaction.scrub(type);
    traceId = redaction.scrub(traceId);
    fieldErrors = scrub(fieldErrors, redaction);
    if (raw.code() == 429) {
      return new RateLimitException(title, type, traceId,
          retryAfter(raw.header("Retry-After"), now), path);
    }
    return TitanApiException.of(raw.code(), title, type, traceId, fieldErrors, path);
  }

  /**
   * Parses a {@code Retry-After} value: delay seconds or an HTTP date (RFC 1123), measured from
   * {@code now}. A date in the past is zero; null when absent or unreadable.
   */
  static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String v = header.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds <= 0 ? Duration.ZERO : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      // not delay seconds; try a date
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Map<String, List<String>> scrub(Map<String, List<String>> errors,
      Redaction redaction) {
    if (errors.isEmpty()) {
      return errors;
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    errors.forEach((k, v) -> out.merge(redaction.scrub(k),
        v.stream().map(redaction::scrub).toList(),
        (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
    return out;
  }

  /**
   * At most {@code max} bytes of {@code body} as UTF-8, without failing on a short body. Bytes
   * that are not valid UTF-8 become U+FFFD (the replacement character): an error body is read
   * for its message only, so a broken byte never hides the status.
   */
  static String readUpTo(ResponseBody body, long max) throws IOException {
    okio.BufferedSource source = body.source();
    source.request(max);
    okio.Buffer buffer = source.getBuffer();
    return buffer.readUtf8(Math.min(max, buffer.size()));
  }

  /** The decoding exception for a JSON fault while reading the response of {@code path}. */
  public static TitanDecodingException decoding(Exception e, String path) {
    return decoding(e, path, Redaction.PATTERNS_ONLY);
  }

  /**
   * The decoding exception for a JSON fault while reading the response of {@code path}; the
   * fault's message (which may quote the server's text) and its cause chain are scrubbed.
   */
  public static TitanDecodingException decoding(Exception e, String path, Redaction redaction) {
    return decoding(e, path, redaction, 0);
  }

  /**
   * {@link #decoding(Exception, String, Redaction)} for the response of HTTP {@code status}
   * (0 when unknown).
   */
  public static TitanDecodingException decoding(Exception e, String path, Redaction redaction,
      int status) {
    String msg = redaction.scrub(e.getMessage());
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
      field = redaction.scrub(t.field());
    }
    return new TitanDecodingException(type, field, path, status, redaction.scrub((Throwable) e));
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
