package dev.titanj.core;

/**
 * The request failed in transport (connection refused or reset, timeout, truncated body) after
 * the configured retries. {@link #mayHaveBeenApplied()} says whether a write may have reached the
 * server, in which case retrying it blindly could apply it twice.
 */
public class TitanIOException extends TitanException {
  private static final long serialVersionUID = 1L;

  private final boolean mayHaveBeenApplied;

  public TitanIOException(String message, Throwable cause) {
    this(message, cause, false);
  }

  public TitanIOException(String message, Throwable cause, boolean mayHaveBeenApplied) {
    super(message, cause);
    this.mayHaveBeenApplied = mayHaveBeenApplied;
  }

  /** True when a non-idempotent request failed after it may have been sent. */
  public boolean mayHaveBeenApplied() {
    return mayHaveBeenApplied;
  }
}
