package dev.titanj.benchmarks.plain;


/** Baseline: an external data key/value pair. */
public class PlainExternalData {
  public String key;
  public String value;
}
