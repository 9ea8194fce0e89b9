package dev.titanj.core.internal;

/**
 * Request tag set by {@link RetryInterceptor}: which attempt of a call a request is (1-based), so
 * the logging interceptor can say so.
 */
final class Attempt {
  final int number;
  final int max;

  Attempt(int number, int max) {
    this.number = number;
    this.max = max;
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
