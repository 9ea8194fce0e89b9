package dev.titanj.core;

/**
 * How {@link TitanSession#flush(FlushOptions)} sends its changes. Immutable.
 *
 * <pre>{@code
 * session.flush(FlushOptions.checkStale());   // refuse records someone else changed meanwhile
 * }</pre>
 */
public final class FlushOptions {
  private static final FlushOptions DEFAULTS = new FlushOptions(false);
  private static final FlushOptions CHECK_STALE = new FlushOptions(true);

  private final boolean checkStale;

  private FlushOptions(boolean checkStale) {
    this.checkStale = checkStale;
  }

  /** Sends every change as it is: what {@link TitanSession#flush()} does. */
  public static FlushOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Before each PATCH, reads the record again from the server (bypassing the client's cache) and
   * refuses the change, sending nothing for that record, when its {@code modifiedOn} differs from
   * the one the session loaded: someone else changed it since. Costs one read per changed record.
   * Records whose type has no {@code modifiedOn}, or that were loaded without one, cannot be
   * checked: they are sent and their outcome says {@link TitanSession.StaleCheck#UNAVAILABLE}.
   */
  public static FlushOptions checkStale() {
    return CHECK_STALE;
  }

  /** Whether changes are checked for staleness before they are sent. */
  public boolean staleCheck() {
    return checkStale;
  }

  @Override
  public String toString() {
    return checkStale ? "FlushOptions{checkStale}" : "FlushOptions{}";
  }
}
