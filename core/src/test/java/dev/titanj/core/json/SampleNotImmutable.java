package dev.titanj.core.json;

/** Marked as a value type but never processed by Immutables: the factory must say so. */
@TitanValue
public interface SampleNotImmutable {
  long id();
}
