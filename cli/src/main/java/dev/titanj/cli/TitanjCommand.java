package dev.titanj.cli;

import dev.titanj.cli.internal.ClientConfig;
import dev.titanj.cli.internal.Connection;
import dev.titanj.cli.internal.Logging;
import dev.titanj.cli.internal.Sandbox;
import dev.titanj.core.CacheSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code titanj} command: global options and the subcommands. */
@Command(name = "titanj", mixinStandardHelpOptions = true,
    versionProvider = TitanjCommand.Version.class,
    descriptionHeading = "%n", optionListHeading = "%n", description =
        "TitanJ: query, read and export ServiceTitan data from the command line. With no "
        + "credentials configured it runs against an embedded fake ServiceTitan (SANDBOX "
        + "mode).",
    subcommands = {DemoCommand.class, QueryCommand.class, GetCommand.class, ExportCommand.class,
        SyncCommand.class,
        SandboxCommand.class, ResourcesCommand.class, CommandLine.HelpCommand.class},
    footerHeading = "%nCredentials:%n",
    footer = {
        "  ST_CLIENT_ID, ST_CLIENT_SECRET, ST_APP_KEY, ST_TENANT_ID, ST_ENVIRONMENT",
        "  (or ST_API_BASE_URL with ST_AUTH_BASE_URL), or the same keys in",
        "  ~/.titanj/config.properties or --config FILE (chmod 600).",
        "  Environment variables override the file. None at all: SANDBOX mode.",
        "",
        "Exit codes:",
        "  0 ok, 1 API/network/file error, 2 usage or configuration error,",
        "  3 authentication/authorization error (401/403), 4 not found (404),",
        "  130 interrupted (Ctrl-C)."})
public final class TitanjCommand implements java.util.concurrent.Callable<Integer> {
  final CliContext context;

  @Spec
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "Properties file with the credentials (default: config.properties in the .titanj "
          + "folder of your home directory).")
  Path config;

  @Option(names = "--env", paramLabel = "production|integration", scope = ScopeType.INHERIT,
      description = "ServiceTitan environment (overrides ST_ENVIRONMENT and custom base URLs).")
  String env;

  @Option(names = "--sandbox", scope = ScopeType.INHERIT,
      description = "Use the embedded fake ServiceTitan even when credentials are configured.")
  boolean sandbox;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Log the HTTP exchanges (redacted) and show stack traces on errors.")
  boolean verbose;

  @Option(names = "--customers", paramLabel = "N", scope = ScopeType.INHERIT,
      description = "Sandbox only: customers the fake ServiceTitan is seeded with (default 100).")
  Integer customers;

  @Option(names = "--latency-ms", paramLabel = "MS", scope = ScopeType.INHERIT,
      description = "Sandbox only: delay added to every API response of the fake, in milliseconds.")
  Long latencyMs;

  /** What the running command is doing, for error lines: {@code query crm customers}. */
  String action;

  TitanjCommand(CliContext context) {
    this.context = context;
  }

  /** {@code titanj} alone prints the usage on stderr. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** Resolves the credentials and opens a client, printing the configuration warnings and the sandbox banner on stderr. */
  Connection connect(CacheSettings cache) {
    return connect(cache, true);
  }

  /** As {@link #connect(CacheSettings)}; {@code announce} false leaves the sandbox banner to the caller. */
  Connection connect(CacheSettings cache, boolean announce) {
    Logging.configure(verbose);
    PrintWriter err = spec.commandLine().getErr();
    ClientConfig cfg = ClientConfig.resolve(System.getProperties(), context.env, config, context.home, env, sandbox,
        w -> err.println(w));
    if (!cfg.isSandbox() && (customers != null || latencyMs != null)) {
      throw new dev.titanj.cli.internal.UsageException(
          "--customers and --latency-ms apply to the sandbox only; add --sandbox or remove them");
    }
    Connection c = Connection.open(cfg, cache, sandboxes(), context.redactor);
    if (c.isSandbox() && announce) {
      err.println("*** " + c.description() + " ***");
    } else if (verbose) {
      err.println("titanj: " + c.description());
    }
    err.flush();
    return c;
  }

  /** The sandbox factory with the --customers and --latency-ms of this command line. */
  Sandbox.Factory sandboxes() {
    if (customers == null && latencyMs == null) {
      return context.sandboxes;
    }
    return context.sandboxes.with(new Sandbox.Settings(customers == null ? -1 : customers,
        latencyMs == null ? 0 : latencyMs));
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = TitanjCommand.class.getPackage().getImplementationVersion();
      return new String[] {"titanj " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
  }
}
