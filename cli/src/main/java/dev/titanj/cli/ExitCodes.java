package dev.titanj.cli;

/** The exit codes of the {@code titanj} command. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** The API answered with an error, or a network, file or decoding error happened. */
  public static final int FAILURE = 1;
  /** The command line or configuration is wrong (unknown option, filter, value, resource). */
  public static final int USAGE = 2;
  /** Authentication or authorization failed (HTTP 401/403): check credentials and scopes. */
  public static final int AUTH = 3;
  /** Not found (HTTP 404): {@code get} found no record with that id, or no such endpoint. */
  public static final int NOT_FOUND = 4;
  /** Stopped by Ctrl-C; an export's file and state are consistent and resumable. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
