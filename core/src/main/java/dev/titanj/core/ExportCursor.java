package dev.titanj.core;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an export feed starts: the beginning of the data, a continuation token saved from an
 * earlier run, or a date (records modified on or after it). Persist {@link #token()} after a run
 * and pass it to {@link #from(String)} next time to resume exactly where the run stopped.
 */
public final class ExportCursor {
  private static final ExportCursor BEGINNING = new ExportCursor(null);

  private final String token;

  private ExportCursor(String token) {
    this.token = token;
  }

  /** From the first record ServiceTitan has. */
  public static ExportCursor beginning() {
    return BEGINNING;
  }

  /**
   * From a continuation token ({@code continueFrom}) saved from an earlier feed; a null or blank
   * token means the beginning.
   */
  public static ExportCursor from(String token) {
    return token == null || token.isBlank() ? BEGINNING : new ExportCursor(token);
  }

  /** From records modified on or after {@code date}. */
  public static ExportCursor since(LocalDate date) {
    if (date == null) {
      throw new IllegalArgumentException("date must not be null");
    }
    return new ExportCursor(date.toString());
  }

  /** The value sent as {@code from}: empty at the beginning. */
  public Optional<String> fromValue() {
    return Optional.ofNullable(token);
  }

  /** The token to persist; null at the beginning. */
  public String token() {
    return token;
  }

  /** Whether this cursor starts at the beginning. */
  public boolean isBeginning() {
    return token == null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExportCursor && Objects.equals(((ExportCursor) o).token, token);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(token);
  }

  @Override
  public String toString() {
    return token == null ? "ExportCursor{beginning}" : "ExportCursor{" + token + "}";
  }
}
