package dev.titanj.cli;

import dev.titanj.cli.internal.UsageException;
import dev.titanj.core.AuthenticationException;
import dev.titanj.core.ForbiddenException;
import dev.titanj.core.NotFoundException;
import dev.titanj.core.RateLimitException;
import dev.titanj.core.ServerException;
import dev.titanj.core.TitanApiException;
import dev.titanj.core.TitanDecodingException;
import dev.titanj.core.TitanIOException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns an exception into one clear line (what failed, status, trace id, what to check) and an exit code. */
final class ErrorReporter {
  private ErrorReporter() {}

  static final class Report {
    final String line;
    final int exitCode;

    Report(String line, int exitCode) {
      this.line = line;
      this.exitCode = exitCode;
    }
  }

  static Report of(Throwable e, String action, boolean verbose) {
    String what = action == null ? "titanj" : action;
    if (e instanceof UsageException) {
      return new Report("titanj: " + e.getMessage(), ExitCodes.USAGE);
    }
    if (e instanceof IllegalArgumentException) {
      return new Report("titanj: " + what + ": invalid input: " + e.getMessage(), ExitCodes.USAGE);
    }
    if (e instanceof TitanApiException) {
      TitanApiException api = (TitanApiException) e;
      StringBuilder sb = new StringBuilder("titanj: ").append(what).append(" failed: HTTP ")
          .append(api.status());
      api.title().ifPresent(t -> sb.append(' ').append(t));
      api.requestPath().ifPresent(p -> sb.append(" (").append(p).append(')'));
      api.traceId().ifPresent(t -> sb.append(", trace id ").append(t));
      if (!api.fieldErrors().isEmpty()) {
        sb.append(", field errors ").append(api.fieldErrors());
      }
      sb.append(" - ").append(hint(api));
      int code = e instanceof AuthenticationException || e instanceof ForbiddenException
          ? ExitCodes.AUTH : e instanceof NotFoundException ? ExitCodes.NOT_FOUND : ExitCodes.FAILURE;
      return new Report(sb.toString(), code);
    }
    if (e instanceof TitanIOException) {
      return new Report("titanj: " + what + " failed: network error: " + e.getMessage()
          + " - check the network, proxy and the API base URL", ExitCodes.FAILURE);
    }
    if (e instanceof TitanDecodingException) {
      return new Report("titanj: " + what + " failed: unreadable response: " + e.getMessage()
          + " - the API may have changed; run with --verbose and report it", ExitCodes.FAILURE);
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.BindException) {
        return new Report("titanj: " + what + " failed: cannot listen on the port: " + t.getMessage()
            + " - the port is in use (or reserved); try another --port, or leave --port out for any free port",
            ExitCodes.FAILURE);
      }
    }
    if (e instanceof UncheckedIOException || e instanceof IOException) {
      Throwable io = e instanceof UncheckedIOException ? e.getCause() : e;
      return new Report("titanj: " + what + " failed: " + e.getMessage()
          + (io != e && io != null ? ": " + io : "") + " - check the path and permissions",
          ExitCodes.FAILURE);
    }
    return new Report("titanj: " + what + " failed: " + e
        + (verbose ? "" : " - run with --verbose for details"), ExitCodes.FAILURE);
  }

  private static String hint(TitanApiException e) {
    if (e instanceof AuthenticationException) {
      return "check ST_CLIENT_ID, ST_CLIENT_SECRET, ST_APP_KEY and that they belong to the "
          + "environment in use (--env production|integration)";
    }
    if (e instanceof ForbiddenException) {
      return "check that the app has the API scope for this resource and is connected to tenant";
    }
    if (e instanceof NotFoundException) {
      return "check the id and ST_TENANT_ID";
    }
    if (e instanceof RateLimitException) {
      return "rate limited even after retries; wait and run again";
    }
    if (e instanceof ServerException) {
      return "ServiceTitan failed; retry later and quote the trace id to ServiceTitan support";
    }
    return "check the filters and values";
  }
}
