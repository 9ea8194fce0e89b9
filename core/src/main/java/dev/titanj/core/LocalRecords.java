package dev.titanj.core;

import java.util.Collection;
import java.util.Map;

/**
 * Records held locally that a {@link TitanSession} reads before it asks the API, such as a local
 * replica: {@code st.openSession(replica)}. What it returns is as fresh as the copy it holds.
 */
public interface LocalRecords {
  /**
   * The records of {@code key} with these ids that are held here, by id; ids not held are left
   * out, and a resource not held at all gives an empty map.
   */
  <T, K> Map<K, T> findAll(ResourceKey<T, K> key, Collection<K> ids);
}
