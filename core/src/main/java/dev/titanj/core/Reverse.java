package dev.titanj.core;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A one-to-many link from records of type {@code T} to the records of another resource that
 * point at them, such as {@code Customer.LOCATIONS} (a customer's locations, the
 * {@code crm.locations} whose {@code customerId} names it). It is the reverse of a forward
 * {@link Reference} ({@code Location.CUSTOMER}) and exists where the API can filter the source
 * resource by the target's id. A {@link TitanSession} loads it for many targets at once with
 * {@link TitanSession#loadMany(Reverse, java.util.Collection)}.
 *
 * <p>Two kinds, after the filter the API offers:
 *
 * <ul>
 *   <li>{@link #byIds by ids}: the filter takes a list of ids ({@code appliedToInvoiceIds},
 *       {@code appointmentIds}): one query per 50 targets;
 *   <li>{@link #byId by id}: the filter takes one id ({@code customerId}): one query per target.
 * </ul>
 *
 * <p>Generated record types declare one constant per such filter of their own module (a reverse
 * link lives on the target, so the target's module would have to depend on the source's). For
 * other pairs, declare one with the source module's typed query:
 *
 * <pre>{@code
 * Reverse<Appointment, Long, AppointmentAssignment> ASSIGNMENTS = Reverse.byIds(
 *     Appointment.class, "appointmentAssignments", "dispatch.appointment-assignments",
 *     "appointmentIds", AppointmentAssignment.APPOINTMENT,
 *     (st, ids) -> Dispatch.of(st).appointmentAssignments().query().appointmentIds(ids));
 * }</pre>
 *
 * @param <T> the target record type (the "one" side: {@code Customer})
 * @param <K> the target's id type
 * @param <S> the source record type (the "many" side: {@code Location})
 */
public final class Reverse<T, K, S> {
  /** How the source resource is filtered by target ids. */
  public enum Kind {
    /** A filter of one id: one query per target. */
    BY_ID,
    /** A filter of up to 50 ids: one query per 50 targets. */
    BY_IDS
  }

  private final Class<T> targetType;
  private final String name;
  private final String source;
  private final String filter;
  private final Reference<S, K, T> forward;
  private final Kind kind;
  private final BiFunction<ServiceTitan, K, ? extends ListQuery<S, ?>> byId;
  private final BiFunction<ServiceTitan, List<K>, ? extends ListQuery<S, ?>> byIds;

  private Reverse(Class<T> targetType, String name, String source, String filter,
      Reference<S, K, T> forward, Kind kind,
      BiFunction<ServiceTitan, K, ? extends ListQuery<S, ?>> byId,
      BiFunction<ServiceTitan, List<K>, ? extends ListQuery<S, ?>> byIds) {
    this.targetType = Objects.requireNonNull(targetType, "targetType");
    this.name = requireText(name, "name");
    this.source = requireText(source, "source");
    this.filter = requireText(filter, "filter");
    this.forward = Objects.requireNonNull(forward, "forward");
    this.kind = kind;
    this.byId = byId;
    this.byIds = byIds;
  }

  /**
   * A reverse link through a filter of one id: {@code query} builds the source query of one
   * target id, with the typed filter method: {@code (st, id) ->
   * Crm.of(st).locations().query().customerId(id)}.
   *
   * @param targetType the record type the link is declared on
   * @param name the link's name, {@code locations}
   * @param source the source resource, {@code crm.locations}
   * @param filter the filter's name in the API, {@code customerId}
   * @param forward the source's reference to the target ({@code Location.CUSTOMER})
   */
  public static <T, K, S> Reverse<T, K, S> byId(Class<T> targetType, String name, String source,
      String filter, Reference<S, K, T> forward,
      BiFunction<ServiceTitan, K, ? extends ListQuery<S, ?>> query) {
    return new Reverse<>(targetType, name, source, filter, forward, Kind.BY_ID,
        Objects.requireNonNull(query, "query"), null);
  }

  /**
   * A reverse link through a filter of up to 50 ids: {@code query} builds the source query of a
   * batch of target ids; the results are grouped back to their targets through {@code forward}.
   */
  public static <T, K, S> Reverse<T, K, S> byIds(Class<T> targetType, String name, String source,
      String filter, Reference<S, K, T> forward,
      BiFunction<ServiceTitan, List<K>, ? extends ListQuery<S, ?>> query) {
    return new Reverse<>(targetType, name, source, filter, forward, Kind.BY_IDS, null,
        Objects.requireNonNull(query, "query"));
  }

  /** The record type the link is declared on (the target of {@link #forward()}). */
  public Class<T> targetType() {
    return targetType;
  }

  /** The link's name: {@code locations}. */
  public String name() {
    return name;
  }

  /** The source resource's name: {@code crm.locations}. */
  public String source() {
    return source;
  }

  /** The API filter the source is read through: {@code customerId}. */
  public String filter() {
    return filter;
  }

  /** The forward reference from a source record to its target(s), used to group results. */
  public Reference<S, K, T> forward() {
    return forward;
  }

  /** Whether the filter takes one id or a list of ids. */
  public Kind kind() {
    return kind;
  }

  /** The source query of one target id ({@link Kind#BY_ID}). */
  ListQuery<S, ?> query(ServiceTitan st, K id) {
    if (kind != Kind.BY_ID) {
      throw new IllegalStateException(this + " filters by a list of ids");
    }
    return Objects.requireNonNull(byId.apply(st, id), "query");
  }

  /** The source query of up to 50 target ids ({@link Kind#BY_IDS}). */
  ListQuery<S, ?> query(ServiceTitan st, List<K> ids) {
    if (kind != Kind.BY_IDS) {
      throw new IllegalStateException(this + " filters by one id");
    }
    return Objects.requireNonNull(byIds.apply(st, ids), "query");
  }

  @Override
  public String toString() {
    return targetType.getSimpleName() + "." + name + " <- " + source + " by " + filter;
  }

  private static String requireText(String s, String name) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return s;
  }
}
