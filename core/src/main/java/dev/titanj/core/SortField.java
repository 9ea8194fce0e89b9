package dev.titanj.core;

/**
 * A field a list operation can sort by. Where the API documents the fields an operation sorts
 * by, they are generated as an enum, so only those fields can be named:
 * {@code CustomerSort.MODIFIED_ON.ascending()}. Where it documents none, the query's
 * {@code sort} takes a field by name instead: {@code SortField.named("Name").ascending()}.
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

  /**
   * A sort field given by its API name, for the queries whose operation documents no sort fields
   * (their {@code sort} method takes {@code Sort<SortField.Named>}). The name is sent as given;
   * the API decides whether it can sort by it.
   *
   * @param wireName the API's field name, such as {@code Name}; without a {@code +} or {@code -}
   * @throws IllegalArgumentException when the name is blank, starts with {@code +} or {@code -},
   *     or holds white space or commas
   */
  static Named named(String wireName) {
    return new Named(wireName);
  }

  /** A sort field named by the caller; see {@link SortField#named(String)}. */
  final class Named implements SortField<Named> {
    private final String wireName;

    private Named(String wireName) {
      if (wireName == null || wireName.isBlank()) {
        throw new IllegalArgumentException("sort field name must not be blank");
      }
      if (wireName.startsWith("+") || wireName.startsWith("-")) {
        throw new IllegalArgumentException("sort field name must not carry a direction ("
            + wireName + "); use ascending() or descending()");
      }
      for (int i = 0; i < wireName.length(); i++) {
        char c = wireName.charAt(i);
        if (Character.isWhitespace(c) || c == ',') {
          throw new IllegalArgumentException(
              "sort field name must be one field name without spaces or commas, was " + wireName);
        }
      }
      this.wireName = wireName;
    }

    @Override
    public String wireName() {
      return wireName;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Named && ((Named) o).wireName.equals(wireName);
    }

    @Override
    public int hashCode() {
      return wireName.hashCode();
    }

    @Override
    public String toString() {
      return wireName;
    }
  }
}
