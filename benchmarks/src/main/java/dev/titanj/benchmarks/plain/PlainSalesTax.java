package dev.titanj.benchmarks.plain;

import java.math.BigDecimal;

/** Baseline: a sales tax code. */
public class PlainSalesTax {
  public long id;
  public String name;
  public BigDecimal taxRate;
}
