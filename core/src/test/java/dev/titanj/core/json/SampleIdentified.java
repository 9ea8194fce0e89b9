package dev.titanj.core.json;

import java.util.List;
import java.util.Optional;

/** A generic supertype of value types, as a code generator might share for ids. */
public interface SampleIdentified<K> {
  K id();

  List<K> relatedIds();

  Optional<K> parentId();
}
