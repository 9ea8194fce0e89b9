package dev.titanj.core;

/**
 * A field a list operation can sort by. Generated per endpoint as an enum, so only the fields
 * the API accepts there can be named: {@code CustomerSort.MODIFIED_ON.ascending()}.
 *
 * @param <F> the enum implementing this interface
 */
public interface SortField<F extends SortField<F>> {

  /** The field name the API expects, such as {@code ModifiedOn}. */
  String wireName();

  /** Sort by this field, smallest first ({@code +Field}). */
  @SuppressWarnings("unchecked")
  default Sort<F> ascending() {
    return new Sort<>((F) this, true);
  }

  /** Sort by this field, largest first ({@code -Field}). */
  @SuppressWarnings("unchecked")
  default Sort<F> descending() {
    return new Sort<>((F) this, false);
  }
}
