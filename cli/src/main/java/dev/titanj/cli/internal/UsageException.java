package dev.titanj.cli.internal;

/** The command line asked for something impossible (unknown resource, bad filter...); exit code 2. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
