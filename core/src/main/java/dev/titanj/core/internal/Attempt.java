package dev.titanj.core.internal;

/**
 * Request tag set by {@link RetryInterceptor}: which attempt of a call a request is (1-based), so
 * the logging interceptor can say so, and whether any byte of it may have been written to a
 * socket ({@link WireGuard} sets {@link #onWire} just before the request is written).
 */
final class Attempt {
  final int number;
  final int max;
  /** True once the request was handed to a connection for writing. */
  volatile boolean onWire;

  /** Whether a reused connection is checked for a server-side close before writing. */
  final boolean probe;

  Attempt(int number, int max) {
    this(number, max, false);
  }

  Attempt(int number, int max, boolean probe) {
    this.number = number;
    this.max = max;
    this.probe = probe;
  }

  static int of(okhttp3.Request request) {
    Attempt a = request.tag(Attempt.class);
    return a == null ? 1 : a.number;
  }

  @Override
  public String toString() {
    return number + "/" + max;
  }
}
