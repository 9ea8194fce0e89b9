package dev.titanj.core.json;

import com.squareup.moshi.Moshi;

/**
 * {@link TitanJson}'s codec without the modules' generated adapters: every value type through the
 * reflective {@code ValueTypeAdapter}. Published in core's test-jar for the parity checks that
 * hold the generated adapters to it ({@code AdapterParity}).
 */
public final class ReflectiveJson {
  private ReflectiveJson() {}

  /** The reflective codec. */
  public static Moshi moshi() {
    return TitanJson.reflective();
  }
}
