package dev.titanj.core.query;

import dev.titanj.core.SortField;

/** Sort fields of the sample endpoint. */
public enum SampleSort implements SortField<SampleSort> {
  ID("Id"),
  MODIFIED_ON("ModifiedOn");

  private final String wire;

  SampleSort(String wire) {
    this.wire = wire;
  }

  @Override
  public String wireName() {
    return wire;
  }
}
