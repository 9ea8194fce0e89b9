package dev.titanj.core.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import java.util.List;
import retrofit2.Invocation;

/**
 * The interceptors that feed a {@link MetricsRecorder}; installed only when metrics are on.
 *
 * <ul>
 *   <li>{@link #calls}: outside the retry interceptor, times a whole call.
 *   <li>{@link #attempts}: between retry and auth, sees each attempt once (a 401 replay stays
 *       inside it) and counts retries and 429s.
 *   <li>{@link #tokens}: outside the token client's retry interceptor, times a token request.
 * </ul>
 *
 * <p>None of them retries, replays, rewrites or buffers anything: each passes the request on
 * once and returns the response (or rethrows the failure) it got. The retry interceptor stays
 * the one retry owner of a call; the two timers wrap it only to measure a whole call, retries
 * and backoff waits included, and the attempt counter sits inside it.
 *
 * The {@code uri} tag is the path template of the Retrofit service method ({@code
 * /crm/v2/tenant/{tenant}/customers/{id}}); for requests made another way it is the path with
 * numeric and UUID segments replaced by {@code {id}}. Never a query string.
 */
final class MetricsInterceptors {
  private static final Pattern ID_SEGMENT = Pattern.compile(
      "\\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final ConcurrentHashMap<Method, String> TEMPLATES = new ConcurrentHashMap<>();

  private MetricsInterceptors() {}

  /**
   * Times one whole API call: installed outside {@link RetryInterceptor} (the only interceptor
   * placed there), so the recorded duration covers every attempt, backoff wait and 401 replay
   * of the call, and the status is that of the final response (-1 for a transport failure). It
   * proceeds exactly once and adds no retry of its own; attempts and 429s are counted by
   * {@link #attempts}, inside the retry interceptor.
   */
  static Interceptor calls(MetricsRecorder recorder) {
    return chain -> {
      Request request = chain.request();
      long start = System.nanoTime();
      int status = -1;
      try {
        Response response = chain.proceed(request);
        status = response.code();
        return response;
      } finally {
        recorder.request(request.method(), uri(request), status, System.nanoTime() - start);
      }
    };
  }

  /**
   * Counts attempts after the first and 429 answers: installed inside {@link RetryInterceptor}
   * (between retry and auth), so it sees each attempt the retry interceptor makes, once.
   */
  static Interceptor attempts(MetricsRecorder recorder) {
    return chain -> {
      Request request = chain.request();
      if (Attempt.of(request) > 1) {
        recorder.retry(request.method(), uri(request));
      }
      Response response = chain.proceed(request);
      if (response.code() == 429) {
        recorder.throttled(request.method(), uri(request));
      }
      return response;
    };
  }

  /**
   * Times one token request, retries included: installed outside the token client's
   * {@link RetryInterceptor}, and like {@link #calls} it proceeds exactly once.
   */
  static Interceptor tokens(MetricsRecorder recorder) {
    return chain -> {
      long start = System.nanoTime();
      int status = -1;
      try {
        Response response = chain.proceed(chain.request());
        status = response.code();
        return response;
      } finally {
        recorder.tokenRequest(status, System.nanoTime() - start);
      }
    };
  }

  /** The low-cardinality path of {@code request}: its template, never ids or a query string. */
  static String uri(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation != null) {
      String template = TEMPLATES.computeIfAbsent(invocation.method(),
          MetricsInterceptors::template);
      if (template != null) {
        return withBase(request, template);
      }
    }
    StringBuilder b = new StringBuilder();
    for (String segment : request.url().pathSegments()) {
      if (segment.isEmpty()) {
        continue;
      }
      b.append('/').append(ID_SEGMENT.matcher(segment).matches() ? "{id}" : segment);
    }
    return b.length() == 0 ? "/" : b.toString();
  }

  /**
   * {@code template} with the base path its Retrofit service is relative to: generated modules
   * bind paths below {@code /crm/v2/tenant/{id}/}, so the request's leading segments are that
   * base, with the tenant id written as {@code {tenant}}.
   */
  static String withBase(Request request, String template) {
    List<String> path = request.url().pathSegments();
    int own = template.substring(1).split("/", -1).length;
    if (path.size() <= own) {
      return template;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < path.size() - own; i++) {
      b.append('/').append(i > 0 && path.get(i - 1).equals("tenant") ? "{tenant}" : path.get(i));
    }
    return b.append(template).toString();
  }

  private static String template(Method method) {
    for (Annotation a : method.getAnnotations()) {
      String path = null;
      if (a instanceof retrofit2.http.GET) {
        path = ((retrofit2.http.GET) a).value();
      } else if (a instanceof retrofit2.http.POST) {
        path = ((retrofit2.http.POST) a).value();
      } else if (a instanceof retrofit2.http.PUT) {
        path = ((retrofit2.http.PUT) a).value();
      } else if (a instanceof retrofit2.http.PATCH) {
        path = ((retrofit2.http.PATCH) a).value();
      } else if (a instanceof retrofit2.http.DELETE) {
        path = ((retrofit2.http.DELETE) a).value();
      } else if (a instanceof retrofit2.http.HTTP) {
        path = ((retrofit2.http.HTTP) a).path();
      }
      if (path != null && !path.isEmpty() && !path.contains("://")) {
        int q = path.indexOf('?');
        String p = q < 0 ? path : path.substring(0, q);
        return p.startsWith("/") ? p : "/" + p;
      }
    }
    return null; // @Url or no path: fall back to the normalized path
  }
}
