package dev.titanj.core.internal;

import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/** Renders requests for logs and messages with every secret replaced by {@code <redacted>}. */
final class Redaction {
  static final String REDACTED = "<redacted>";

  private static final Set<String> SECRET_HEADERS = Set.of("authorization", "st-app-key",
      "proxy-authorization", "cookie", "set-cookie", "x-api-key");

  private Redaction() {}

  /** Whether a query or form parameter name is likely to carry a credential. */
  static boolean isSecretName(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace("-", "_");
    return n.contains("secret") || n.contains("token") || n.contains("password")
        || n.contains("apikey") || n.contains("api_key") || n.contains("app_key")
        || n.contains("appkey") || n.equals("authorization");
  }

  /** Path and query of {@code url}, decoded for reading, with secret parameter values redacted. */
  static String pathAndQuery(HttpUrl url) {
    StringBuilder sb = new StringBuilder(url.encodedPath());
    for (int i = 0; i < url.querySize(); i++) {
      sb.append(i == 0 ? '?' : '&');
      String name = url.queryParameterName(i);
      String value = url.queryParameterValue(i);
      sb.append(name);
      if (value != null) {
        sb.append('=').append(isSecretName(name) ? REDACTED : value);
      }
    }
    return sb.toString();
  }

  /** Headers one per line as {@code Name: value}, credentials redacted (the scheme kept). */
  static String headers(Headers headers) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = headers.value(i);
      if (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        int space = value.indexOf(' ');
        value = name.equalsIgnoreCase("authorization") && space > 0
            ? value.substring(0, space) + " " + REDACTED : REDACTED;
      }
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(name).append(": ").append(value);
    }
    return sb.toString();
  }

  /** {@code text} with every occurrence of each non-blank secret replaced. */
  static String scrub(String text, String... secrets) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      if (s != null && s.length() >= 4) {
        out = out.replace(s, REDACTED);
      }
    }
    return out;
  }
}
