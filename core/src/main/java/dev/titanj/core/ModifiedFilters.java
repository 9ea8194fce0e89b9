package dev.titanj.core;

import com.google.errorprone.annotations.CheckReturnValue;
import java.time.Instant;

/**
 * The {@code modifiedBefore} / {@code modifiedOnOrAfter} filters most ServiceTitan lists take: records
 * modified in {@code [onOrAfter, before)}, times sent in UTC ISO-8601.
 *
 * @param <Q> the query type
 */
@CheckReturnValue
public interface ModifiedFilters<Q> {
  /**
   * Sets one query parameter; implemented by {@link ListQuery#withParameter}, which refuses this
   * interface's own names (the methods below set them directly on a {@code ListQuery}).
   */
  Q withParameter(String name, String value);

  /** Only records modified before {@code value} ({@code modifiedBefore}). */
  default Q modifiedBefore(Instant value) {
    String v = QueryValues.instant("modifiedBefore", value);
    return this instanceof ListQuery ? ListQuery.typedParameter(this, "modifiedBefore", v)
        : withParameter("modifiedBefore", v);
  }

  /** Only records modified on or after {@code value} ({@code modifiedOnOrAfter}). */
  default Q modifiedOnOrAfter(Instant value) {
    String v = QueryValues.instant("modifiedOnOrAfter", value);
    return this instanceof ListQuery ? ListQuery.typedParameter(this, "modifiedOnOrAfter", v)
        : withParameter("modifiedOnOrAfter", v);
  }
}
