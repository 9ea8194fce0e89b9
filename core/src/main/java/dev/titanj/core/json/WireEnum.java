package dev.titanj.core.json;

/**
 * An enum with its own wire values. Every such enum declares a constant {@code UNKNOWN}: a value
 * the SDK does not know yet decodes to it instead of failing the call.
 */
public interface WireEnum {
  /** The string ServiceTitan sends and expects for this constant. */
  String wireValue();
}
