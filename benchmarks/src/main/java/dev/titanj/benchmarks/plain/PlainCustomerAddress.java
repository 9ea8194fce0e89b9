package dev.titanj.benchmarks.plain;


/** Baseline: a customer's address. */
public class PlainCustomerAddress {
  public String street;
  public String unit;
  public String city;
  public String state;
  public String zip;
  public String country;
  public Double latitude;
  public Double longitude;
}
