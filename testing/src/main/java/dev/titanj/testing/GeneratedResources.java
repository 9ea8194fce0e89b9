package dev.titanj.testing;

import dev.titanj.testing.internal.FakeStore;
import dev.titanj.testing.internal.ResourceRegistry;

/**
 * Registers the list, get and export operations of the generated modules that have no curated
 * data, with records synthesized from their response types. Empty until the generated
 * operation manifests exist on the classpath.
 */
final class GeneratedResources {
  private GeneratedResources() {}

  static void registerAll(ResourceRegistry registry, FakeStore store, long seed) {
    // Filled in once generated modules are available.
  }
}
