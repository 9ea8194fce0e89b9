package dev.titanj.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-endpoint customization: method names, fixed-body presets and former names by operationId. */
final class OperationNames {
  private OperationNames() {}

  // Data in operation-names.properties beside this class (rules there and in docs/codegen.md).
  /** A fixed-body action: method {@code name} sends {@code body} and takes no body parameter. */
  static final class Preset {
    final String name;
    final JsonNode body;

    Preset(String name, JsonNode body) {
      this.name = name;
      this.body = body;
    }
  }

  /**
   * Former method names by operationId ({@code formerly.Op = oldName}): kept as deprecated
   * delegates to the new name so callers' code keeps compiling.
   */
  static final Map<String, String> FORMER_NAMES = new LinkedHashMap<>();
  /** Fixed-body actions by operationId, in the order the data file lists them. */
  static final Map<String, List<Preset>> PRESETS = new LinkedHashMap<>();
  /** Method names by operationId; a preset operation maps to its first preset's name. */
  static final Map<String, String> OVERRIDES = loadOverrides();

  private static Map<String, String> loadOverrides() {
    String file = "operation-names.properties";
    Map<String, String> out = new LinkedHashMap<>();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    try (java.io.InputStream in = OperationNames.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + file);
      }
      java.io.BufferedReader r = new java.io.BufferedReader(
          new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int eq = line.indexOf('=');
        if (eq < 0) {
          throw new IllegalStateException(file + ": no '=' in: " + line);
        }
        String id = line.substring(0, eq).strip();
        String value = line.substring(eq + 1).strip();
        if (id.startsWith("formerly.")) {
          FORMER_NAMES.put(id.substring("formerly.".length()), value);
          continue;
        }
        if (!value.contains("{")) {
          out.put(id, value);
          continue;
        }
        List<Preset> presets = new ArrayList<>();
        for (String part : value.split(";")) {
          String p = part.strip();
          int brace = p.indexOf('{');
          if (brace < 0) {
            throw new IllegalStateException(file + ": " + id + ": preset without a body: " + p);
          }
          presets.add(new Preset(p.substring(0, brace).strip(), json.readTree(p.substring(brace))));
        }
        PRESETS.put(id, presets);
        out.put(id, presets.get(0).name);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }
}
