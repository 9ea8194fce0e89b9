package dev.titanj.core;

import dev.titanj.core.json.WireEnum;

/** Which records a list returns by their {@code active} flag; ServiceTitan's {@code active} filter. */
public enum Active implements WireEnum {
  /** Only active records (the API's usual default). */
  TRUE("True"),
  /** Active and inactive records. */
  ANY("Any"),
  /** Only inactive records. */
  FALSE("False"),
  /** A value this SDK does not know. Never sent. */
  UNKNOWN("");

  private final String wireValue;

  Active(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }
}
