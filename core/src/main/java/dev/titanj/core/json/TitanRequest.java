package dev.titanj.core.json;

import java.util.Set;
import org.immutables.value.Value;

/**
 * A request body that TitanJ sends exactly as built. Every field is in one of three states:
 * <ul>
 *   <li><b>absent</b>: never set on the builder, so not sent at all (lists included);
 *   <li><b>null</b>: cleared with the builder's {@code clearX()} method, sent as
 *       {@code "x": null} (only for fields the API accepts as null, marked {@link Clearable});
 *   <li><b>a value</b>: set on the builder and sent; an empty list is sent as {@code []}.
 * </ul>
 * Building fails with an {@link IllegalArgumentException} when a field is both set and cleared,
 * when a cleared name is not a clearable field, or when a nested record misses a field the API
 * requires ({@link RequiredInRequests}).
 */
public interface TitanRequest {
  /**
   * The JSON names of the fields this request sends as explicit {@code null}, in the order they
   * were cleared. Set them with the builder's {@code clearX()} methods.
   */
  Set<String> explicitNulls();

  /** Checks the request when it is built; see the type's description. */
  @Value.Check
  default void checkRequest() {
    RequestChecks.check(this);
  }

  /**
   * The request that changes {@code before} into {@code after}: every field of {@code type} whose
   * value differs between the two records is set to its value in {@code after}, a field that
   * {@code after} no longer has is cleared (sent as null), and every other field is left absent.
   * Both records must be of the same type; fields the request type does not have (read-only
   * fields such as {@code modifiedOn}) are ignored.
   *
   * @throws IllegalArgumentException when an argument is null, the records' types differ, a
   *     field was removed that the API cannot clear, or the result misses a required field
   */
  static <R extends TitanRequest> R changes(Class<R> type, Object before, Object after) {
    return RequestChecks.changes(type, before, after);
  }
}
