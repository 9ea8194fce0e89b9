package dev.titanj.core;

/**
 * A repository of one resource. Every generated repository implements it, and the read, query
 * and export contracts below it where the resource has those operations, so tools can work with
 * any resource through its {@link ResourceDescriptor}.
 *
 * @param <T> the record type
 * @param <K> the id type
 */
public interface Repository<T, K> {
  /** The key of the resource this repository reads and writes. */
  ResourceKey<T, K> key();
}
