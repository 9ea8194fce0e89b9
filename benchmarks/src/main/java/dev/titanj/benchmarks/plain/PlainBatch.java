package dev.titanj.benchmarks.plain;


/** Baseline: an invoice batch. */
public class PlainBatch {
  public long id;
  public String number;
  public String name;
}
