package dev.titanj.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The typed name of one ServiceTitan resource, such as {@code Crm.CUSTOMERS} for
 * {@code crm.customers}: what cache settings, sessions and the replica are keyed by. Two keys are
 * equal when their names are; generated modules declare one constant per resource.
 *
 * @param <T> the record type the resource's reads return
 * @param <K> the record id type ({@code Long} for most resources)
 */
public final class ResourceKey<T, K> {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z][a-zA-Z0-9.-]*");

  private final String name;
  private final Class<T> recordType;
  private final Class<K> idType;

  private ResourceKey(String name, Class<T> recordType, Class<K> idType) {
    this.name = name;
    this.recordType = recordType;
    this.idType = idType;
  }

  /**
   * A key named {@code area.resource} (such as {@code crm.customers}); for generated modules and
   * tests. Users take the generated constants ({@code Crm.CUSTOMERS}).
   */
  public static <T, K> ResourceKey<T, K> of(String name, Class<T> recordType, Class<K> idType) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "resource name must look like area.resource (crm.customers), was " + name);
    }
    return new ResourceKey<>(name, Objects.requireNonNull(recordType, "recordType"),
        Objects.requireNonNull(idType, "idType"));
  }

  /** The resource name, {@code area.resource}: {@code crm.customers}. */
  public String name() {
    return name;
  }

  /** The API area: {@code crm}. */
  public String area() {
    return name.substring(0, name.indexOf('.'));
  }

  /** The type of the records this resource's reads return. */
  public Class<T> recordType() {
    return recordType;
  }

  /** The type of the resource's record ids. */
  public Class<K> idType() {
    return idType;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceKey && ((ResourceKey<?, ?>) o).name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
