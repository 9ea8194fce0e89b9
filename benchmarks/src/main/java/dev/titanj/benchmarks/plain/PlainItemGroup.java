package dev.titanj.benchmarks.plain;


/** Baseline: an invoice item group. */
public class PlainItemGroup {
  public Long rootId;
  public String name;
}
