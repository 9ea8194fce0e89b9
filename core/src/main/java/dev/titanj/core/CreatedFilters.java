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
  /** Sets one query parameter; implemented by {@link ListQuery#withParameter}. */
  Q withParameter(String name, String value);

  /** Only records created before {@code value} ({@code createdBefore}). */
  default Q createdBefore(Instant value) {
    return withParameter("createdBefore", QueryValues.instant("createdBefore", value));
  }

  /** Only records created on or after {@code value} ({@code createdOnOrAfter}). */
  default Q createdOnOrAfter(Instant value) {
    return withParameter("createdOnOrAfter", QueryValues.instant("createdOnOrAfter", value));
  }
}
