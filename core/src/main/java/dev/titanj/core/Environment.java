package dev.titanj.core;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a client sends API calls and token requests: ServiceTitan production, the integration
 * sandbox, or any other pair of base URLs (a proxy, the embedded fake server). Plain
 * {@code http://} is accepted only for loopback hosts ({@code localhost}, {@code 127.x.y.z},
 * {@code [::1]}), decided from the URL text before anything is sent, so credentials never travel
 * unencrypted.
 */
public final class Environment {
  /** ServiceTitan production: {@code https://api.servicetitan.io}, {@code https://auth.servicetitan.io}. */
  public static final Environment PRODUCTION = new Environment("production",
      URI.create("https://api.servicetitan.io"), URI.create("https://auth.servicetitan.io"));

  /** ServiceTitan's integration sandbox, with credentials of its own. */
  public static final Environment INTEGRATION = new Environment("integration",
      URI.create("https://api-integration.servicetitan.io"),
      URI.create("https://auth-integration.servicetitan.io"));

  private final String name;
  private final URI apiBase;
  private final URI authBase;

  private Environment(String name, URI apiBase, URI authBase) {
    this.name = name;
    this.apiBase = apiBase;
    this.authBase = authBase;
  }

  /**
   * An environment at any base URLs. The token endpoint is {@code {authBase}/connect/token}.
   *
   * @throws IllegalArgumentException if a URL is not absolute, is neither https nor http, is
   *     http to a host that is not loopback, or carries user info ({@code user:password@})
   */
  public static Environment custom(URI apiBase, URI authBase) {
    URI api = validate(apiBase, "apiBase");
    URI auth = validate(authBase, "authBase");
    return new Environment("custom(" + api + ")", api, auth);
  }

  /** Same as {@link #custom(URI, URI)} from strings. */
  public static Environment custom(String apiBase, String authBase) {
    return custom(parse(apiBase, "apiBase"), parse(authBase, "authBase"));
  }

  /**
   * Resolves a name as used by {@code ST_ENVIRONMENT}: {@code production} or {@code integration}
   * (case-insensitive).
   */
  public static Environment named(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("environment name must not be blank");
    }
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "production":
      case "prod":
        return PRODUCTION;
      case "integration":
      case "sandbox":
        return INTEGRATION;
      default:
        throw new IllegalArgumentException(
            "environment must be 'production' or 'integration', was '" + name + "'");
    }
  }

  private static URI parse(String value, String argument) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(argument + " must not be blank");
    }
    try {
      return new URI(value.trim());
    } catch (java.net.URISyntaxException e) {
      // Neither the value nor the parser's message (which quotes it) is shown: it may hold
      // user:password@.
      throw new IllegalArgumentException(argument + " is not a valid URL: " + e.getReason()
          + " at index " + e.getIndex());
    }
  }

  private static URI validate(URI uri, String argument) {
    if (uri == null) {
      throw new IllegalArgumentException(argument + " must not be null");
    }
    String authority = uri.getRawAuthority();
    if (uri.getRawUserInfo() != null || (authority != null && authority.contains("@"))) {
      // The URL itself is not shown: its user info is a credential.
      throw new IllegalArgumentException(argument + " must not contain user info (user:password@)"
          + "; pass credentials with clientCredentials(...) and appKey(...)");
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException(argument + " must be an absolute URL with a host, was " + uri);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("http")) {
      // Both readings of the host must be loopback: java.net.URI's, and OkHttp's, which is the
      // one connections are made to.
      okhttp3.HttpUrl parsed = okhttp3.HttpUrl.parse(uri.toString());
      if (!isLoopback(uri.getHost()) || parsed == null || !isLoopback(parsed.host())) {
        throw new IllegalArgumentException(argument
            + " uses plain http:// to a host that is not loopback (" + uri.getHost()
            + "); use https://");
      }
    } else if (!scheme.equals("https")) {
      throw new IllegalArgumentException(argument + " must use https://, was " + uri);
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException(argument + " must not have a query or fragment, was " + uri);
    }
    String s = uri.toString();
    return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }

  /** A dotted-quad IPv4 literal in 127.0.0.0/8: four decimal parts, no leading zeros. */
  private static final java.util.regex.Pattern LOOPBACK_V4 = java.util.regex.Pattern.compile(
      "127\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
          + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){2}");

  /**
   * True only for hosts that reach this machine without asking anyone: the IPv4 literals
   * 127.0.0.0/8 (dotted quad), the IPv6 literal {@code ::1} (any spelling) and the name
   * {@code localhost}. Decided from the text alone, never through DNS. Refused on purpose:
   * {@code *.localhost} (RFC 6761 asks resolvers to answer it with loopback, but the system
   * resolver may forward it to DNS, so it would have to be resolved to be trusted),
   * {@code localhost.} and other spellings, IPv4-mapped IPv6 ({@code ::ffff:127.0.0.1}),
   * {@code 0.0.0.0}, shortened or numeric IPv4 ({@code 127.1}, {@code 2130706433}) and names
   * that merely contain a loopback address ({@code 127.0.0.1.nip.io}).
   */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost")) {
      return true;
    }
    if (LOOPBACK_V4.matcher(h).matches()) {
      return true;
    }
    if (!h.contains(":") || !h.matches("[0-9a-f:]+")) {
      return false; // names and IPv6 with zones or embedded IPv4 are not taken as literals
    }
    try {
      // A pure hex-and-colon IPv6 literal: parsed locally, no lookup is made for literals.
      InetAddress a = InetAddress.getByName(h);
      return a instanceof java.net.Inet6Address && a.isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** A short name: {@code production}, {@code integration} or {@code custom(...)}. */
  public String name() {
    return name;
  }

  /** Base URL of the REST API, without a trailing slash. */
  public URI apiBase() {
    return apiBase;
  }

  /** Base URL of the OAuth 2.0 server, without a trailing slash. */
  public URI authBase() {
    return authBase;
  }

  /** The client-credentials token endpoint: {@code {authBase}/connect/token}. */
  public URI tokenEndpoint() {
    return URI.create(authBase + "/connect/token");
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Environment)) {
      return false;
    }
    Environment that = (Environment) o;
    return apiBase.equals(that.apiBase) && authBase.equals(that.authBase);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiBase, authBase);
  }

  @Override
  public String toString() {
    return "Environment{" + name + ", api=" + apiBase + ", auth=" + authBase + "}";
  }
}
