package dev.titanj.benchmarks.plain;


/** Baseline: an invoice's job. */
public class PlainJob {
  public long id;
  public String number;
  public String type;
}
