package dev.titanj.core;

/**
 * Lists records through a fluent, lazy query.
 *
 * @param <T> the record type
 * @param <K> the id type
 */
public interface QueryRepository<T, K> extends Repository<T, K> {
  /** A query over the resource's list operation; nothing is requested until a terminal. */
  ListQuery<T, ?> query();
}
