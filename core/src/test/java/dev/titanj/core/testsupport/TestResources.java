package dev.titanj.core.testsupport;

import dev.titanj.core.ResourceDescriptor;
import dev.titanj.core.ResourceKey;
import java.util.List;

/** Descriptors of made-up resources, for tests of caching and settings. */
public final class TestResources {
  private TestResources() {}

  /** A descriptor named {@code name} ({@code area.resource}) with records of {@code type}. */
  public static <T> ResourceDescriptor<T, Long> descriptor(String name, Class<T> type,
      boolean referenceData) {
    return new ResourceDescriptor<>(ResourceKey.of(name, type, Long.class), List.of(),
        referenceData, "tn.test.x:r", "tn.test.x:w", st -> {
          throw new UnsupportedOperationException("a test descriptor has no repository");
        });
  }
}
