package dev.titanj.core;

import com.google.errorprone.annotations.CheckReturnValue;
import java.time.Instant;

/**
 * The {@code createdBefore} / {@code createdOnOrAfter} filters most ServiceTitan lists take: records
 * created in {@code [onOrAfter, before)}, times sent in UTC ISO-8601.
 *
 * @param <Q> the query type
 */
@CheckReturnValue
public interface CreatedFilters<Q> {
  /**
   * Sets one query parameter; implemented by {@link ListQuery#withParameter}, which refuses this
   * interface's own names (the methods below set them directly on a {@code ListQuery}).
   */
  Q withParameter(String name, String value);

  /** Only records created before {@code value} ({@code createdBefore}). */
  default Q createdBefore(Instant value) {
    String v = QueryValues.instant("createdBefore", value);
    return this instanceof ListQuery ? ListQuery.typedParameter(this, "createdBefore", v)
        : withParameter("createdBefore", v);
  }

  /** Only records created on or after {@code value} ({@code createdOnOrAfter}). */
  default Q createdOnOrAfter(Instant value) {
    String v = QueryValues.instant("createdOnOrAfter", value);
    return this instanceof ListQuery ? ListQuery.typedParameter(this, "createdOnOrAfter", v)
        : withParameter("createdOnOrAfter", v);
  }
}
