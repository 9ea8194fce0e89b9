package dev.titanj.core;

import java.util.Objects;

/**
 * A sort order for a list query: a field and a direction, sent as {@code sort=+Field} or
 * {@code sort=-Field}.
 *
 * @param <F> the endpoint's sort-field enum
 */
public final class Sort<F extends SortField<F>> {
  private final F field;
  private final boolean ascending;

  Sort(F field, boolean ascending) {
    this.field = Objects.requireNonNull(field, "field");
    this.ascending = ascending;
  }

  public F field() {
    return field;
  }

  public boolean isAscending() {
    return ascending;
  }

  /** The query-string form: {@code +ModifiedOn} or {@code -ModifiedOn}. */
  public String toQueryValue() {
    return (ascending ? "+" : "-") + field.wireName();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sort && ((Sort<?>) o).field.equals(field) && ((Sort<?>) o).ascending == ascending;
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, ascending);
  }

  @Override
  public String toString() {
    return toQueryValue();
  }
}
