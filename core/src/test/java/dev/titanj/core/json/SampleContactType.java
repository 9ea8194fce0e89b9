package dev.titanj.core.json;

/** A test enum shaped like CRM's ContactType: "Phone" is the wire value of two constants. */
public enum SampleContactType implements WireEnum {
  PHONE("Phone"),
  EMAIL("Email"),
  LANDLINE_PHONE("Phone"),
  MOBILE_PHONE("MobilePhone"),
  UNKNOWN("");

  private final String wireValue;

  SampleContactType(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }
}
