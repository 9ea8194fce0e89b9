package dev.titanj.cli.internal;

import dev.titanj.core.SettingsChain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the CLI's credentials come from: core's one {@link SettingsChain} (system properties
 * {@code titanj.*} over {@code ST_*} environment variables over a properties file, {@code --config
 * FILE} or {@code ~/.titanj/config.properties}), or, with no credential anywhere, the embedded
 * sandbox.
 */
public final class ClientConfig {
  private final SettingsChain settings;
  private final String source;

  private ClientConfig(SettingsChain settings, String source) {
    this.settings = settings;
    this.source = source;
  }

  /** True when no credentials were found and the CLI runs against the embedded sandbox. */
  public boolean isSandbox() {
    return settings == null;
  }

  /** The settings to build the client from; null in sandbox mode. */
  public SettingsChain settings() {
    return settings;
  }

  /** Where the credentials came from, for messages (never their values). */
  public String source() {
    return source;
  }

  /**
   * Resolves the configuration.
   *
   * @param system the system properties ({@code titanj.*})
   * @param env the process environment
   * @param configFile {@code --config}, or null
   * @param home the user's home directory, for {@code ~/.titanj/config.properties}
   * @param envName {@code --env}, or null
   * @param forceSandbox {@code --sandbox}
   * @param warn receives warnings such as a config file readable by others
   * @throws UsageException when the file is missing, unreadable or holds an unknown key, when
   *     credentials are incomplete (naming every missing one), or when {@code --env} is given
   *     without credentials
   */
  public static ClientConfig resolve(Properties system, Map<String, String> env, Path configFile,
      Path home, String envName, boolean forceSandbox, Consumer<String> warn) {
    if (forceSandbox) {
      if (envName != null) {
        throw new UsageException("--sandbox and --env cannot be combined");
      }
      return new ClientConfig(null, "sandbox (--sandbox)");
    }
    SettingsChain chain;
    try {
      chain = SettingsChain.read(system, env, configFile, home);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    chain.configFile().ifPresent(f -> checkPermissions(f, warn));
    if (!chain.hasCredentials()) {
      if (envName != null) {
        throw new UsageException("--env " + envName + " needs credentials: set ST_CLIENT_ID, "
            + "ST_CLIENT_SECRET, ST_APP_KEY and ST_TENANT_ID, or write them to "
            + "~/.titanj/config.properties");
      }
      return new ClientConfig(null, "sandbox (no credentials configured)");
    }
    List<String> missing = chain.missing();
    if (!missing.isEmpty()) {
      throw new UsageException("incomplete credentials from " + chain.source() + ": "
          + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing"
          + " (need ST_CLIENT_ID, ST_CLIENT_SECRET, ST_APP_KEY, ST_TENANT_ID)");
    }
    if (envName != null) {
      try {
        chain = chain.withEnvironment(envName);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return new ClientConfig(chain, chain.source());
  }

  /** Warns when {@code file} can be read by its group or by others (POSIX file systems only). */
  static void checkPermissions(Path file, Consumer<String> warn) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      if (perms.contains(PosixFilePermission.GROUP_READ)
          || perms.contains(PosixFilePermission.OTHERS_READ)) {
        warn.accept("warning: " + file + " holds credentials and is readable by group or others;"
            + " run: chmod 600 " + file);
      }
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: nothing to check
    }
  }

  @Override
  public String toString() {
    return "ClientConfig{" + source + "}";
  }
}
