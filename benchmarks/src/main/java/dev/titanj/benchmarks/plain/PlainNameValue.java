package dev.titanj.benchmarks.plain;


/** Baseline: an accounting custom field. */
public class PlainNameValue {
  public String name;
  public String value;
}
