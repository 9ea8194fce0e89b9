package dev.titanj.core;

import dev.titanj.core.json.TitanRequest;

/**
 * Updates records by id with a request that sends only what it holds: the contract a
 * {@link TitanSession} flushes changed records through.
 *
 * @param <T> the record type
 * @param <K> the id type
 * @param <R> the update request type, built with {@link TitanRequest#changes}
 */
public interface UpdateRepository<T, K, R extends TitanRequest> extends ReadRepository<T, K> {
  /** The type of this resource's update request. */
  Class<R> updateType();

  /** Sends {@code request} as the update of record {@code id} (a PATCH of just its fields). */
  void update(K id, R request);
}
