package dev.titanj.benchmarks.plain;


/** Baseline: an id and a name. */
public class PlainNamed {
  public long id;
  public String name;
}
