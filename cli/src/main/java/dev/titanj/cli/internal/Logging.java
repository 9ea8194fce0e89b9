package dev.titanj.cli.internal;

/**
 * Configures slf4j-simple, the CLI's logging binding, through its system properties. Must run
 * before the first logger is created; settings given with {@code -D} on the command line win.
 */
public final class Logging {
  private static final String PREFIX = "org.slf4j.simpleLogger.";

  private Logging() {}

  /** Warnings only, or with {@code verbose} TitanJ's DEBUG log (the redacted HTTP exchanges), all on stderr. */
  public static void configure(boolean verbose) {
    setDefault(PREFIX + "logFile", "System.err");
    setDefault(PREFIX + "defaultLogLevel", "warn");
    setDefault(PREFIX + "showThreadName", "false");
    setDefault(PREFIX + "showShortLogName", "true");
    setDefault(PREFIX + "levelInBrackets", "true");
    if (verbose) {
      setDefault(PREFIX + "log.dev.titanj", "debug");
    }
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
