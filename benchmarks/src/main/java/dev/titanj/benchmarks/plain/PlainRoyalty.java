package dev.titanj.benchmarks.plain;

import java.time.Instant;

/** Baseline: royalty information. */
public class PlainRoyalty {
  public String status;
  public Instant date;
  public Instant sentOn;
  public String memo;
}
