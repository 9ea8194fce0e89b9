package dev.titanj.benchmarks.plain;


/** Baseline: an accounting address. */
public class PlainAddress {
  public String street;
  public String unit;
  public String city;
  public String state;
  public String zip;
  public String country;
}
