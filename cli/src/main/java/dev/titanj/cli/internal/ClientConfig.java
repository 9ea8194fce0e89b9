package dev.titanj.cli.internal;

import dev.titanj.core.Environment;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the CLI's credentials come from: {@code ST_*} environment variables, a properties file
 * ({@code --config FILE} or {@code ~/.titanj/config.properties}), or, with neither, the embedded
 * sandbox. Environment variables override the file key by key.
 */
public final class ClientConfig {
  /** Variables that carry credentials; any of them switches the CLI out of sandbox mode. */
  static final List<String> CREDENTIAL_KEYS =
      List.of("ST_CLIENT_ID", "ST_CLIENT_SECRET", "ST_APP_KEY", "ST_TENANT_ID");
  static final List<String> ALL_KEYS = List.of("ST_ENVIRONMENT", "ST_CLIENT_ID",
      "ST_CLIENT_SECRET", "ST_APP_KEY", "ST_TENANT_ID", "ST_API_BASE_URL", "ST_AUTH_BASE_URL");

  private final Map<String, String> variables;
  private final String source;

  private ClientConfig(Map<String, String> variables, String source) {
    this.variables = variables;
    this.source = source;
  }

  /** True when no credentials were found and the CLI runs against the embedded sandbox. */
  public boolean isSandbox() {
    return variables == null;
  }

  /** The {@code ST_*} variables for {@code ServiceTitan.builderFromEnv}; null in sandbox mode. */
  public Map<String, String> variables() {
    return variables;
  }

  /** Where the credentials came from, for messages (never their values). */
  public String source() {
    return source;
  }

  /**
   * Resolves the configuration.
   *
   * @param env the process environment
   * @param configFile {@code --config}, or null
   * @param home the user's home directory, for {@code ~/.titanj/config.properties}
   * @param envName {@code --env}, or null
   * @param forceSandbox {@code --sandbox}
   * @param warn receives warnings such as a config file readable by others
   * @throws UsageException when the file is missing or unreadable, or {@code --env} is given
   *     without credentials
   */
  public static ClientConfig resolve(Map<String, String> env, Path configFile, Path home,
      String envName, boolean forceSandbox, Consumer<String> warn) {
    if (forceSandbox) {
      if (envName != null) {
        throw new UsageException("--sandbox and --env cannot be combined");
      }
      return new ClientConfig(null, "sandbox (--sandbox)");
    }
    Map<String, String> merged = new LinkedHashMap<>();
    String source = null;
    Path file = configFile;
    if (file == null && home != null) {
      Path dflt = home.resolve(".titanj").resolve("config.properties");
      if (Files.isRegularFile(dflt)) {
        file = dflt;
      }
    }
    if (file != null) {
      merged.putAll(readFile(file, warn));
      source = "config file " + file;
    }
    boolean fromEnv = false;
    for (String k : ALL_KEYS) {
      String v = env.get(k);
      if (v != null && !v.isBlank()) {
        merged.put(k, v);
        fromEnv |= CREDENTIAL_KEYS.contains(k);
      }
    }
    if (fromEnv) {
      source = source == null ? "ST_* environment variables"
          : source + " and ST_* environment variables";
    }
    boolean anyCredential = CREDENTIAL_KEYS.stream().anyMatch(merged::containsKey);
    if (!anyCredential) {
      if (envName != null) {
        throw new UsageException("--env " + envName + " needs credentials: set ST_CLIENT_ID, "
            + "ST_CLIENT_SECRET, ST_APP_KEY and ST_TENANT_ID, or write them to "
            + "~/.titanj/config.properties");
      }
      return new ClientConfig(null, "sandbox (no credentials configured)");
    }
    for (String k : CREDENTIAL_KEYS) {
      if (!merged.containsKey(k)) {
        throw new UsageException("incomplete credentials from " + source + ": " + k
            + " is missing (need ST_CLIENT_ID, ST_CLIENT_SECRET, ST_APP_KEY, ST_TENANT_ID)");
      }
    }
    if (envName != null) {
      Environment.named(envName); // validates the name
      merged.put("ST_ENVIRONMENT", envName);
      merged.remove("ST_API_BASE_URL");
      merged.remove("ST_AUTH_BASE_URL");
    }
    return new ClientConfig(Map.copyOf(merged), source);
  }

  private static Map<String, String> readFile(Path file, Consumer<String> warn) {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("config file " + file + " does not exist");
    }
    checkPermissions(file, warn);
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UsageException("cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : p.stringPropertyNames()) {
      String key = canonical(name);
      if (key == null) {
        warn.accept("warning: ignoring unknown key '" + name + "' in " + file);
        continue;
      }
      String v = p.getProperty(name).trim();
      if (!v.isEmpty()) {
        out.put(key, v);
      }
    }
    return out;
  }

  /** Maps {@code client-id}, {@code client.id}, {@code clientId} or {@code ST_CLIENT_ID} to the variable name. */
  static String canonical(String key) {
    String k = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    String mapped = known(k);
    return mapped == null && k.startsWith("st") ? known(k.substring(2)) : mapped;
  }

  private static String known(String k) {
    switch (k) {
      case "environment": case "env": return "ST_ENVIRONMENT";
      case "clientid": return "ST_CLIENT_ID";
      case "clientsecret": return "ST_CLIENT_SECRET";
      case "appkey": return "ST_APP_KEY";
      case "tenantid": case "tenant": return "ST_TENANT_ID";
      case "apibaseurl": return "ST_API_BASE_URL";
      case "authbaseurl": return "ST_AUTH_BASE_URL";
      default: return null;
    }
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
