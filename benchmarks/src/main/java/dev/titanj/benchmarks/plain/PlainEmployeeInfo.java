package dev.titanj.benchmarks.plain;

import java.time.Instant;

/** Baseline: employee information. */
public class PlainEmployeeInfo {
  public long id;
  public String name;
  public Instant modifiedOn;
}
