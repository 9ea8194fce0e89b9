package dev.titanj.benchmarks.plain;


/** Baseline: a CRM custom field value. */
public class PlainCustomField {
  public Long typeId;
  public String name;
  public String value;
}
