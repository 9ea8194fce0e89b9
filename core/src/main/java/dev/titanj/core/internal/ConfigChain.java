package dev.titanj.core.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The settings chain of {@code ServiceTitan.fromEnv()}: system properties ({@code titanj.client-id}
 * ...) over environment variables ({@code ST_CLIENT_ID} ...) over a properties file
 * ({@code titanj.config} / {@code ST_CONFIG_FILE}, else {@code ~/.titanj/config.properties}),
 * merged key by key into the {@code ST_*} names.
 */
public final class ConfigChain {
  /** Every setting, by its environment-variable name. */
  public static final List<String> KEYS = List.of("ST_ENVIRONMENT", "ST_CLIENT_ID",
      "ST_CLIENT_SECRET", "ST_APP_KEY", "ST_TENANT_ID", "ST_API_BASE_URL", "ST_AUTH_BASE_URL");

  private ConfigChain() {}

  /** The merged settings and where they came from. */
  public record Resolved(Map<String, String> values, Path file, boolean fromEnvironment,
      boolean fromSystemProperties) {}

  /** The merged settings; a named but missing or unreadable file is an IllegalArgumentException. */
  public static Map<String, String> resolve(Properties system, Map<String, String> env, Path home) {
    return resolve(system, env, null, home).values();
  }

  /**
   * The merged settings, reading {@code configFile} when it is not null (else the file the chain
   * names, else {@code ~/.titanj/config.properties} when it exists).
   */
  public static Resolved resolve(Properties system, Map<String, String> env, Path configFile,
      Path home) {
    Map<String, String> merged = new LinkedHashMap<>();
    String named = firstPresent(system.getProperty("titanj.config"), env.get("ST_CONFIG_FILE"));
    Path file = configFile != null ? configFile : named != null ? Path.of(named)
        : home == null ? null : home.resolve(".titanj").resolve("config.properties");
    boolean explicit = configFile != null || named != null;
    if (file != null && (explicit || Files.isRegularFile(file))) {
      merged.putAll(readFile(file));
    } else {
      file = null;
    }
    boolean fromEnv = false;
    for (String key : KEYS) {
      String v = env.get(key);
      if (v != null && !v.isBlank()) {
        merged.put(key, v.strip());
        fromEnv = true;
      }
    }
    boolean fromSystem = false;
    for (String name : system.stringPropertyNames()) {
      if (name.startsWith("titanj.") && !name.equals("titanj.config")) {
        String key = canonical(name.substring("titanj.".length()));
        String v = system.getProperty(name);
        if (key != null && v != null && !v.isBlank()) {
          merged.put(key, v.strip());
          fromSystem = true;
        }
      }
    }
    return new Resolved(merged, file, fromEnv, fromSystem);
  }

  /** The settings of a properties file, by {@code ST_*} name; unknown keys are an error. */
  public static Map<String, String> readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("config file " + file + " does not exist");
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config file " + file + ": "
          + e.getClass().getSimpleName());
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : p.stringPropertyNames()) {
      String key = canonical(name);
      if (key == null) {
        throw new IllegalArgumentException("unknown key '" + name + "' in config file " + file
            + "; known: environment, client-id, client-secret, app-key, tenant-id, api-base-url,"
            + " auth-base-url");
      }
      String v = p.getProperty(name).strip();
      if (!v.isEmpty()) {
        out.put(key, v);
      }
    }
    return out;
  }

  /** Maps {@code client-id}, {@code client.id}, {@code clientId} or {@code ST_CLIENT_ID} to its ST_* name; null if unknown. */
  public static String canonical(String key) {
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

  private static String firstPresent(String a, String b) {
    return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
  }
}
