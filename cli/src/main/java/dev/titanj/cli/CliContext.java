package dev.titanj.cli;

import dev.titanj.cli.internal.FakeServerSandbox;
import dev.titanj.cli.internal.Redactor;
import dev.titanj.cli.internal.ResourceRegistry;
import dev.titanj.cli.internal.Sandbox;
import dev.titanj.cli.internal.StopSignal;
import dev.titanj.core.ResourceCatalog;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * What the commands take from the world: environment variables, the home directory, the modules
 * on the class path, how to start a sandbox, and the Ctrl-C stop signal. {@link #system()} is the
 * real world; tests build their own.
 */
public final class CliContext {
  final Map<String, String> env;
  final Path home;
  final ResourceCatalog catalog;
  final Sandbox.Factory sandboxes;
  final StopSignal stop;
  final boolean terminal;
  final boolean installShutdownHook;
  final Redactor redactor = new Redactor();
  private ResourceRegistry registry;

  CliContext(Map<String, String> env, Path home, ResourceCatalog catalog,
      Sandbox.Factory sandboxes, StopSignal stop, boolean terminal,
      boolean installShutdownHook) {
    this.env = Map.copyOf(env);
    this.home = home;
    this.catalog = catalog;
    this.sandboxes = sandboxes;
    this.stop = stop;
    this.terminal = terminal;
    this.installShutdownHook = installShutdownHook;
  }

  /**
   * The process environment, the user's home, the TitanJ modules on the class path (found
   * through {@code ServiceLoader}) and the embedded fake server.
   */
  public static CliContext system() {
    String home = System.getProperty("user.home");
    return new CliContext(System.getenv(), home == null ? null : Paths.get(home),
        ResourceCatalog.installed(), FakeServerSandbox.factory(), new StopSignal(),
        System.console() != null, true);
  }

  /** The resources of the catalog's modules, read once from their descriptors. */
  synchronized ResourceRegistry registry() {
    if (registry == null) {
      registry = ResourceRegistry.of(catalog);
    }
    return registry;
  }
}
