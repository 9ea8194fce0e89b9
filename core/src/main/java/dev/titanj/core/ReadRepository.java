package dev.titanj.core;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads records by id.
 *
 * @param <T> the record type
 * @param <K> the id type
 */
public interface ReadRepository<T, K> extends Repository<T, K> {
  /** The record with this id; empty when it does not exist. */
  Optional<T> findById(K id);

  /** The record with this id; a missing record is a {@link NotFoundException}. */
  default T getById(K id) {
    return findById(id).orElseThrow(() -> new NotFoundException(
        key() + " " + id + " was not found", null, null, null));
  }

  /**
   * The records with these ids, in input order, duplicates read once, missing ids left out.
   * Resources with an {@code ids} filter read 50 ids per request; others read one by one.
   */
  default List<T> findAllById(Collection<K> ids) {
    return dev.titanj.core.spi.Arguments.notNull("ids", ids).stream().distinct()
        .map(this::findById).flatMap(Optional::stream).toList();
  }
}
