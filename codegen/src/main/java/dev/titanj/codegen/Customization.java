package dev.titanj.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Properties;

/**
 * Per-area resource data that the OpenAPI documents do not carry, read from
 * {@code resources.properties}: scope prefixes and the reference-data flag.
 */
final class Customization {
  private static final Properties DATA = load();

  private Customization() {}

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Customization.class.getResourceAsStream("resources.properties")) {
      if (in == null) {
        throw new IllegalStateException("resources.properties is missing from codegen");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** The area's prefix in scope names ({@code acc} for accounting); the area name by default. */
  static String scopePrefix(String area) {
    return DATA.getProperty(area + ".scope", area);
  }

  /** Whether {@code resource} of {@code area} is reference data, cached by default. */
  static boolean isReferenceData(String area, String resource) {
    String list = DATA.getProperty(area + ".referenceData", "");
    return Arrays.stream(list.split(",")).map(String::trim).anyMatch(resource::equals);
  }
}
