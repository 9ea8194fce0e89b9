package dev.titanj.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A field of record type {@code S} that points at records of another resource, such as
 * {@code Invoice.CUSTOMER} (an invoice's customer, in {@code crm.customers}). Generated record
 * types declare one constant per id field or nested {@code {id, ...}} object that names a
 * resource; a {@link TitanSession} loads the records they point at in batches.
 *
 * <p>The target is named, not linked: a reference whose target module is not on the class path
 * is still typed and fails, when used, with the artifact to add.
 *
 * @param <S> the record type holding the field
 * @param <K> the id type of the target resource
 * @param <T> the record type of the target resource
 */
public final class Reference<S, K, T> {
  private final Class<S> sourceType;
  private final String field;
  private final String target;
  private final Class<K> idType;
  private final String artifact;
  private final Function<? super S, ? extends List<K>> ids;

  private Reference(Class<S> sourceType, String field, String target, Class<K> idType,
      String artifact, Function<? super S, ? extends List<K>> ids) {
    this.sourceType = Objects.requireNonNull(sourceType, "sourceType");
    this.field = requireText(field, "field");
    this.target = requireText(target, "target");
    this.idType = Objects.requireNonNull(idType, "idType");
    this.artifact = requireText(artifact, "artifact");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /**
   * A reference to one record: {@code id} reads the target's id from a source record, empty when
   * the field is not set.
   *
   * @param target the target resource's name, {@code crm.customers}
   * @param artifact the artifact that provides the target, {@code titanj-crm}
   */
  public static <S, K, T> Reference<S, K, T> one(Class<S> sourceType, String field, String target,
      Class<K> idType, String artifact, Function<? super S, Optional<K>> id) {
    Objects.requireNonNull(id, "id");
    return new Reference<>(sourceType, field, target, idType, artifact,
        s -> id.apply(s).map(List::of).orElse(List.of()));
  }

  /** A reference to several records: {@code ids} reads the target ids from a source record. */
  public static <S, K, T> Reference<S, K, T> many(Class<S> sourceType, String field, String target,
      Class<K> idType, String artifact, Function<? super S, ? extends List<K>> ids) {
    return new Reference<>(sourceType, field, target, idType, artifact, ids);
  }

  /** The record type holding the field. */
  public Class<S> sourceType() {
    return sourceType;
  }

  /** The field's name in the API: {@code customerId}, {@code customer}. */
  public String field() {
    return field;
  }

  /** The target resource's name: {@code crm.customers}. */
  public String target() {
    return target;
  }

  /** The target's id type. */
  public Class<K> idType() {
    return idType;
  }

  /** The artifact that provides the target resource: {@code titanj-crm}. */
  public String artifact() {
    return artifact;
  }

  /** The ids {@code source} points at (empty when the field is not set), without nulls. */
  public List<K> idsOf(S source) {
    List<K> out = ids.apply(Objects.requireNonNull(source, "source"));
    return out == null ? List.of() : out.stream().filter(Objects::nonNull).toList();
  }

  @Override
  public String toString() {
    return sourceType.getSimpleName() + "." + field + " -> " + target;
  }

  private static String requireText(String s, String name) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return s;
  }
}
