package dev.titanj.core.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/** What the transport may assume about a request method and a failure. */
final class HttpMethods {
  /** Methods without side effects. */
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private HttpMethods() {}

  /**
   * Whether a request may be replayed after an ambiguous failure. DELETE is idempotent; PUT is
   * idempotent in HTTP but not treated so here, because ServiceTitan's PUT endpoints are not all
   * pure replacements.
   */
  static boolean isReplayable(String method) {
    String m = method.toUpperCase(Locale.ROOT);
    return SAFE.contains(m) || m.equals("DELETE");
  }

  /** Whether the method changes state on the server. */
  static boolean isWrite(String method) {
    return !SAFE.contains(method.toUpperCase(Locale.ROOT));
  }

  /**
   * True when the failure happened before any byte of the request could reach the server (DNS,
   * connection refused, no route, or anything {@link RequestNotSentException} marks), so
   * replaying it is safe for every method.
   */
  static boolean neverSent(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RequestNotSentException || t instanceof ConnectException || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException || t instanceof PortUnreachableException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Whether a write may have taken effect although the call failed with {@code e}. */
  static boolean mayHaveBeenApplied(String method, IOException e) {
    return isWrite(method) && !neverSent(e);
  }
}
