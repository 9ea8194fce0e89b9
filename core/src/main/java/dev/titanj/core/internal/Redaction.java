package dev.titanj.core.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * TitanJ's one scrubber: renders requests for logs and messages, and cleans every text that
 * comes from a server (error titles, field errors, transport and decoding messages, echoed
 * headers) before it reaches an exception, a log line or the command line. Every secret is
 * replaced by {@code <redacted>}.
 *
 * <p>An instance knows the secrets of one client family: client secrets, the app key and every
 * access token the client has held (each registered when it is issued or read from the token
 * store). Whatever an instance knows, it also removes what looks like a credential even when the
 * value is unknown: {@code Bearer …}, {@code Authorization}/{@code ST-App-Key}-like header echoes
 * ({@code Name: value}, {@code "Name":"value"}, {@code "Name":["value"]}), form or JSON echoes of
 * {@code client_secret}, {@code access_token}, {@code password}…, and JWT-shaped strings.
 *
 * <p>Not a user API: the package is internal.
 */
public final class Redaction {
  static final String REDACTED = "<redacted>";

  /** At most this many tokens are remembered; the oldest go first (they expired long ago). */
  static final int MAX_TOKENS = 256;

  private static final Set<String> SECRET_HEADERS = Set.of("authorization", "st-app-key",
      "proxy-authorization", "cookie", "set-cookie", "x-api-key");

  /** Names of headers, form fields and JSON members that carry credentials. */
  private static final String CREDENTIAL_NAME = "[A-Za-z0-9_-]*(?:authorization|cookie"
      + "|client[_-]?secret|access[_-]?token|refresh[_-]?token|id[_-]?token|password"
      + "|app[_-]?key|api[_-]?key)[A-Za-z0-9_-]*";

  /** A credential name, a separator ({@code : = ":" ": [" \":\"}), then the value. */
  private static final Pattern NAMED_ECHO = Pattern.compile("(?i)(" + CREDENTIAL_NAME
      + ")(\\\\?[\"']?\\s*[:=]\\s*\\[?\\s*\\\\?[\"']?)"
      + "((?:(?:bearer|basic|digest)\\s+)?+[^\\s\"'&,;}\\]<>\\\\]+)");

  private static final Pattern BEARER = Pattern.compile(
      "(?i)\\b(bearer)(\\s+|%20|\\+)[A-Za-z0-9._~+/=-]{8,}");

  private static final Pattern JWT = Pattern.compile(
      "eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

  /** Knows no secret: removes only what looks like a credential. */
  static final Redaction PATTERNS_ONLY = new Redaction();

  private final Set<String> secrets = new LinkedHashSet<>(); // guarded by this
  private volatile String[] known = new String[0];

  /** A scrubber that knows {@code secrets} (null, blank and very short values are ignored). */
  public Redaction(String... secrets) {
    for (String s : secrets) {
      remember(s);
    }
  }

  /**
   * Remembers a value that must never be shown (a client secret, the app key, an access token),
   * with its URL-encoded and JSON-escaped forms. Values shorter than 4 characters are ignored.
   */
  public void remember(String secret) {
    if (secret == null || secret.trim().length() < 4 || this == PATTERNS_ONLY) {
      return;
    }
    String s = secret.trim();
    if (contains(s)) {
      return;
    }
    synchronized (this) {
      secrets.add(s);
      secrets.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
      secrets.add(s.replace("/", "\\/"));
      while (secrets.size() > MAX_TOKENS * 3) {
        secrets.remove(secrets.iterator().next());
      }
      // Longest first, so a secret that contains another is replaced whole.
      List<String> sorted = new ArrayList<>(secrets);
      sorted.sort((a, b) -> Integer.compare(b.length(), a.length()));
      known = sorted.toArray(new String[0]);
    }
  }

  private boolean contains(String s) {
    for (String k : known) {
      if (k.equals(s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code text} with every known secret and everything that looks like a credential replaced
   * by {@code <redacted>}; null stays null.
   */
  public String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String s : known) {
      if (out.contains(s)) {
        out = out.replace(s, REDACTED);
      }
    }
    return scrubPatterns(out);
  }

  /** {@code text} with everything that looks like a credential replaced. */
  static String scrubPatterns(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    Matcher m = NAMED_ECHO.matcher(out);
    if (m.find()) {
      out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + r.group(2) + REDACTED));
    }
    m = BEARER.matcher(out);
    if (m.find()) {
      out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + " " + REDACTED));
    }
    m = JWT.matcher(out);
    if (m.find()) {
      out = m.replaceAll(REDACTED);
    }
    return out;
  }

  /**
   * {@code t} itself when no message in its cause chain (suppressed exceptions included) needs
   * scrubbing; otherwise a copy of the chain whose messages are scrubbed, keeping each original
   * class name and stack trace, so that no stack trace can print what a server echoed.
   */
  public Throwable scrub(Throwable t) {
    return needsScrubbing(t, 0) ? copy(t, 0) : t;
  }

  private boolean needsScrubbing(Throwable t, int depth) {
    if (t == null || depth > 16) {
      return false;
    }
    String m = t.getMessage();
    if (m != null && !m.equals(scrub(m))) {
      return true;
    }
    for (Throwable s : t.getSuppressed()) {
      if (needsScrubbing(s, depth + 1)) {
        return true;
      }
    }
    return t.getCause() != t && needsScrubbing(t.getCause(), depth + 1);
  }

  private Throwable copy(Throwable t, int depth) {
    if (t == null || depth > 16) {
      return null;
    }
    if (!needsScrubbing(t, 0)) {
      return t;
    }
    RedactedException c = new RedactedException(t.getClass().getName(), scrub(t.getMessage()),
        t.getCause() == t ? null : copy(t.getCause(), depth + 1));
    c.setStackTrace(t.getStackTrace());
    for (Throwable s : t.getSuppressed()) {
      c.addSuppressed(copy(s, depth + 1));
    }
    return c;
  }

  /**
   * Stands in for an exception whose message quoted a secret: same class name (in
   * {@link #toString()}), same stack trace, the message scrubbed.
   */
  static final class RedactedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String originalClass;

    RedactedException(String originalClass, String message, Throwable cause) {
      super(message, cause);
      this.originalClass = originalClass;
    }

    /** The class of the exception this one replaces. */
    String originalClass() {
      return originalClass;
    }

    @Override
    public String toString() {
      String m = getLocalizedMessage();
      return originalClass + " (redacted)" + (m == null ? "" : ": " + m);
    }
  }

  /** Whether a query or form parameter name is likely to carry a credential. */
  static boolean isSecretName(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace("-", "_");
    return n.contains("secret") || n.contains("token") || n.contains("password")
        || n.contains("apikey") || n.contains("api_key") || n.contains("app_key")
        || n.contains("appkey") || n.contains("authorization") || n.contains("cookie");
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

  /** Headers with credentials redacted, knowing no secret value. */
  static String headers(Headers headers) {
    return PATTERNS_ONLY.describe(headers);
  }

  /**
   * Headers as {@code Name: value, …} with credentials redacted: {@code Authorization} (its
   * scheme kept), {@code ST-App-Key}, cookies, any header whose name suggests a credential, and
   * any header whose value holds a known secret or looks like a credential (an echo).
   */
  String describe(Headers headers) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = headers.value(i);
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("authorization")) {
        int space = value.indexOf(' ');
        value = space > 0 ? value.substring(0, space) + " " + REDACTED : REDACTED;
      } else if (SECRET_HEADERS.contains(lower) || isSecretName(name)
          || !value.equals(scrub(value))) {
        value = REDACTED;
      }
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(scrub(name)).append(": ").append(value);
    }
    return sb.toString();
  }

  /** {@code text} with every occurrence of each non-blank secret replaced, and credential patterns. */
  static String scrub(String text, String... secrets) {
    return new Redaction(secrets).scrub(text);
  }

  @Override
  public String toString() {
    return "Redaction{" + known.length + " values}";
  }
}
