package dev.titanj.reporting;

import dev.titanj.core.ConflictException;
import dev.titanj.core.TitanException;

/**
 * The Reporting API kept refusing a request with HTTP 409 (a report suspended, for example for
 * maintenance) through every attempt the {@link ReportRunner} makes. The last 409 is the cause;
 * its title, trace id and field errors are there. The message names the report and the attempts,
 * never a credential.
 */
public final class ReportUnavailableException extends TitanException {
  private static final long serialVersionUID = 1L;

  private final String category;
  private final long reportId;
  private final int attempts;

  ReportUnavailableException(String category, long reportId, int attempts,
      ConflictException last) {
    super("report " + reportId + " in category '" + category + "' answered HTTP 409 on "
        + attempts + " attempt" + (attempts == 1 ? "" : "s")
        + (last.title().isPresent() ? ": " + last.title().get() : ""), last);
    this.category = category;
    this.reportId = reportId;
    this.attempts = attempts;
  }

  /** The report's category. */
  public String category() {
    return category;
  }

  /** The report's id. */
  public long reportId() {
    return reportId;
  }

  /** How many requests were refused. */
  public int attempts() {
    return attempts;
  }

  /** The last refusal. */
  public ConflictException lastConflict() {
    return (ConflictException) getCause();
  }
}
