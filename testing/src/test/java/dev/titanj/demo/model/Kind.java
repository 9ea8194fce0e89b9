package dev.titanj.demo.model;

import dev.titanj.core.json.WireEnum;

/** Test-only stand-in for a generated enum. */
public enum Kind implements WireEnum {
  SMALL("Small"), LARGE("Large"), UNKNOWN("");

  private final String wire;

  Kind(String wire) {
    this.wire = wire;
  }

  @Override
  public String wireValue() {
    return wire;
  }
}
