package dev.titanj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.function.Supplier;

/**
 * Installs a TitanJ module the way a user does, by putting it on the class path: the context
 * class loader is given one more root, a test resource folder holding the module's
 * {@code META-INF/services/dev.titanj.core.spi.TitanModule} file. Nothing else is told about it.
 * For tests of a module of your own: the CLI, the fake server and sessions find it through
 * {@link dev.titanj.core.ResourceCatalog#installed()} while {@code work} runs.
 */
public final class InstalledModules {
  private static final String SERVICES = "META-INF/services/dev.titanj.core.spi.TitanModule";

  private InstalledModules() {}

  /**
   * Runs {@code work} with the modules announced under the class path folder {@code root}.
   *
   * @throws IllegalArgumentException when {@code root} holds no
   *     {@code META-INF/services/dev.titanj.core.spi.TitanModule}
   */
  public static <T> T with(String root, Supplier<T> work) {
    ClassLoader parent = Thread.currentThread().getContextClassLoader();
    URL services = InstalledModules.class.getClassLoader().getResource(root + "/" + SERVICES);
    if (services == null) {
      throw new IllegalArgumentException("no " + SERVICES + " under test resource " + root);
    }
    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {new URL(services, "../../")}, parent)) {
      Thread.currentThread().setContextClassLoader(loader);
      return work.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      Thread.currentThread().setContextClassLoader(parent);
    }
  }
}
