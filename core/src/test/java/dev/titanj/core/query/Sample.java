package dev.titanj.core.query;

import java.util.Objects;

/** A record of the hand-written sample resource; decoded by Moshi's reflective adapter. */
public final class Sample {
  public long id;
  public String name;
  public Boolean active;
  public String notes;

  public Sample() {}

  public Sample(long id, String name) {
    this.id = id;
    this.name = name;
    this.active = true;
  }

  public long id() {
    return id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sample && ((Sample) o).id == id && Objects.equals(((Sample) o).name, name)
        && Objects.equals(((Sample) o).active, active) && Objects.equals(((Sample) o).notes, notes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name);
  }

  @Override
  public String toString() {
    return "Sample{" + id + ", " + name + "}";
  }
}
