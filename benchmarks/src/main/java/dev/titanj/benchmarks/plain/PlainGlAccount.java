package dev.titanj.benchmarks.plain;


/** Baseline: a general ledger account. */
public class PlainGlAccount {
  public long id;
  public String name;
  public String number;
  public String type;
  public String detailType;
}
