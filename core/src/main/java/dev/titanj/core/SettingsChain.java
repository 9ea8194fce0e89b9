package dev.titanj.core;

import dev.titanj.core.internal.ConfigChain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The one settings chain of TitanJ, read by {@link ServiceTitan#fromEnv()} and by the
 * {@code titanj} command: system properties ({@code -Dtitanj.client-id=...}) over environment
 * variables ({@code ST_CLIENT_ID} ...) over a properties file ({@code -Dtitanj.config=FILE},
 * {@code ST_CONFIG_FILE}, else {@code ~/.titanj/config.properties} when it exists), merged key by
 * key. It says which settings are present and where they came from and pre-fills a
 * {@link ServiceTitan.Builder}; it never hands back the value of a credential.
 */
public final class SettingsChain {
  private static final List<String> CREDENTIALS =
      List.of("ST_CLIENT_ID", "ST_CLIENT_SECRET", "ST_APP_KEY", "ST_TENANT_ID");

  private final Map<String, String> values;
  private final Path file;
  private final String source;

  private SettingsChain(Map<String, String> values, Path file, String source) {
    this.values = Map.copyOf(values);
    this.file = file;
    this.source = source;
  }

  /** The chain of this process: its system properties, environment and home directory. */
  public static SettingsChain read() {
    return read(System.getProperties(), System.getenv(), null,
        Path.of(System.getProperty("user.home", ".")));
  }

  /**
   * The chain over the given sources.
   *
   * @param system system properties ({@code titanj.*})
   * @param env environment variables ({@code ST_*})
   * @param configFile a properties file to read instead of the one the chain would pick, or null
   * @param home the home directory holding {@code .titanj/config.properties}, or null for none
   * @throws IllegalArgumentException when a named file is missing or unreadable, or holds an
   *     unknown key (named, its value not shown)
   */
  public static SettingsChain read(Properties system, Map<String, String> env, Path configFile,
      Path home) {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(env, "env");
    ConfigChain.Resolved r = ConfigChain.resolve(system, env, configFile, home);
    List<String> from = new ArrayList<>();
    if (r.file() != null) {
      from.add("config file " + r.file());
    }
    if (r.fromEnvironment()) {
      from.add("ST_* environment variables");
    }
    if (r.fromSystemProperties()) {
      from.add("titanj.* system properties");
    }
    String source = from.isEmpty() ? "no settings found" : String.join(" and ", from);
    return new SettingsChain(r.values(), r.file(), source);
  }

  /** True when any credential (client id, client secret, app key or tenant) is set. */
  public boolean hasCredentials() {
    return CREDENTIALS.stream().anyMatch(values::containsKey);
  }

  /** The credentials a client needs that are not set, by {@code ST_*} name, in a stable order. */
  public List<String> missing() {
    return CREDENTIALS.stream().filter(k -> !values.containsKey(k)).toList();
  }

  /** The {@code ST_*} names of the settings that are set (never their values). */
  public Set<String> names() {
    return values.keySet();
  }

  /** Where the settings came from, for messages: {@code config file … and ST_* environment variables}. */
  public String source() {
    return source;
  }

  /** The properties file that was read, if any. */
  public Optional<Path> configFile() {
    return Optional.ofNullable(file);
  }

  /** The tenant id as set (not a secret), if any. */
  public Optional<String> tenant() {
    return Optional.ofNullable(values.get("ST_TENANT_ID"));
  }

  /** The environment name as set ({@code production}, {@code integration}), if any. */
  public Optional<String> environment() {
    return Optional.ofNullable(values.get("ST_ENVIRONMENT"));
  }

  /**
   * This chain with the environment {@code name} instead of the one set, and without custom base
   * URLs.
   *
   * @throws IllegalArgumentException when {@code name} is not an environment
   */
  public SettingsChain withEnvironment(String name) {
    Environment.named(name);
    Map<String, String> v = new LinkedHashMap<>(values);
    v.put("ST_ENVIRONMENT", name);
    v.remove("ST_API_BASE_URL");
    v.remove("ST_AUTH_BASE_URL");
    return new SettingsChain(v, file, source);
  }

  /**
   * A builder pre-filled from these settings, to adjust before building.
   *
   * @throws IllegalArgumentException naming every missing setting at once, or a malformed one
   */
  public ServiceTitan.Builder builder() {
    return ServiceTitan.builderFromEnv(values);
  }

  /** Tells {@code scrubber} the credentials of this chain, so text it scrubs never shows them. */
  public void rememberSecrets(SecretScrubber scrubber) {
    scrubber.remember(values.get("ST_CLIENT_SECRET"));
    scrubber.remember(values.get("ST_APP_KEY"));
  }

  @Override
  public String toString() {
    return "SettingsChain{" + source + ", set=" + values.keySet() + "}";
  }
}
