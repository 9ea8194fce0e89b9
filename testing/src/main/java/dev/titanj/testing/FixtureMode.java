package dev.titanj.testing;

/**
 * Whether a fixture session serves recorded exchanges or records new ones.
 *
 * <p>The mode comes from {@code -Dtitanj.fixtures=record} (or the JUnit configuration parameter
 * of that name) or the environment variable {@code TITANJ_FIXTURES=record}; anything else means
 * {@link #REPLAY}. When the {@code CI} environment variable is set, recording against anything
 * but a loopback address is refused.
 */
public enum FixtureMode {
  /** Serve recorded exchanges; a request without a recording fails the test. The default. */
  REPLAY,
  /** Send requests to the real API (credentials from {@code ST_*}) and write fixtures. */
  RECORD;

  /** System property and JUnit configuration parameter that selects the mode. */
  public static final String PROPERTY = "titanj.fixtures";
  /** Environment variable that selects the mode. */
  public static final String ENVIRONMENT_VARIABLE = "TITANJ_FIXTURES";

  /** Parses {@code record} / {@code replay} (case-insensitive); null or blank means replay. */
  public static FixtureMode parse(String value) {
    if (value == null || value.isBlank()) {
      return REPLAY;
    }
    switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "record":
        return RECORD;
      case "replay":
        return REPLAY;
      default:
        throw new IllegalArgumentException(PROPERTY + " must be 'record' or 'replay', was '"
            + value + "'");
    }
  }
}
