package dev.titanj.codegen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The type-naming part of an area's customization data: {@code customization/<area>.properties}
 * beside this class (the format is described at the top of each file). Read line by line, not
 * through {@link java.util.Properties}, so that entries keep their order and a key given twice is
 * an error rather than silently the last one; a line ending in {@code \} continues on the next.
 *
 * <ul>
 *   <li>{@code merge.<JavaName> = SchemaA, SchemaB, ...}: the schemas are one Java type; a response
 *       type gets the union of the members' fields (the first member leads: its field order and
 *       descriptions come first).
 *   <li>{@code rename.<Schema> = JavaName}: the schema's Java type (and the type of every schema
 *       merged with it) is {@code JavaName}.
 *   <li>{@code apart.<label> = SchemaA, SchemaB, ...}: the schemas are never merged automatically
 *       (each stays its own type unless a {@code merge} entry names it).
 *   <li>{@code scope = acc}: the area's prefix in OAuth scope names, {@code tn.<prefix>.<resource>:r|w}
 *       (ServiceTitan's scope listing; the resource part is its path segment without dashes).
 *       The area name when absent.
 *   <li>{@code referenceData = payment-types, tax-zones, ...}: resources that are small,
 *       slow-changing reference data, cached by default.
 *   <li>{@code references = settings, crm}: the other areas whose records this area's records may
 *       point at with generated {@code Reference} constants ({@code references.properties}); their
 *       modules are optional dependencies of this one.
 *   <li>{@code exportFeed.<path> = <resource>}: the operation at {@code <path>} (below
 *       {@code tenant/{tenant}/}) is the export feed of {@code <resource>}, for feeds the document
 *       spells other than {@code export/<resource>} (salestech's {@code estimates/export}).
 *   <li>{@code maxRange.<Schema> = startField, endField, P14D}: a request body whose two
 *       required date-time fields may span at most that ISO-8601 duration (dispatch capacity:
 *       14 days); {@code build()} fails on a longer or reversed range, before any request.
 *   <li>{@code entryPoint = EquipmentSystems}: the entry point's class name (and the prefix of the
 *       module and schema classes) when the area name's capitalisation ({@code Equipmentsystems})
 *       does not read well.
 * </ul>
 */
final class Customization {
  /** Declared merges: Java name -> member schemas, in file order. */
  final Map<String, List<String>> merges;
  /** Renames: schema -> Java name. */
  final Map<String, String> renames;
  /** Schemas never merged automatically. */
  final Set<String> apart;
  /** Where the data came from, for messages. */
  final String source;
  /** The scope-name prefix, or null for the area name. */
  final String scope;
  /** Resources cached by default. */
  final Set<String> referenceData;
  /** The entry point's class name, or null for the capitalised area name. */
  final String entryPoint;
  /** Export feeds at other paths than {@code export/<resource>}: path -> resource. */
  final Map<String, String> exportFeeds = new LinkedHashMap<>();
  /** Range limits of request bodies: schema -> {start field, end field, ISO-8601 duration}. */
  final Map<String, List<String>> maxRanges = new LinkedHashMap<>();
  /** Other areas this area's references may point into. */
  final Set<String> references = new LinkedHashSet<>();
  /** Repositories of paths by their first segment, where it reads badly: segment -> resource. */
  final Map<String, String> resources = new LinkedHashMap<>();

  Customization(String source, Map<String, List<String>> merges, Map<String, String> renames,
      Set<String> apart) {
    this(source, merges, renames, apart, null, Set.of());
  }

  Customization(String source, Map<String, List<String>> merges, Map<String, String> renames,
      Set<String> apart, String scope, Set<String> referenceData) {
    this(source, merges, renames, apart, scope, referenceData, null);
  }

  Customization(String source, Map<String, List<String>> merges, Map<String, String> renames,
      Set<String> apart, String scope, Set<String> referenceData, String entryPoint) {
    this.source = source;
    this.entryPoint = entryPoint;
    this.scope = scope;
    this.referenceData = Collections.unmodifiableSet(new LinkedHashSet<>(referenceData));
    this.merges = Collections.unmodifiableMap(new LinkedHashMap<>(merges));
    this.renames = Collections.unmodifiableMap(new LinkedHashMap<>(renames));
    this.apart = Collections.unmodifiableSet(new LinkedHashSet<>(apart));
  }

  /** No renames, no declared merges: identical shapes still merge, with generated names. */
  static Customization none(String area) {
    return new Customization("customization/" + area + ".properties (none)", Map.of(), Map.of(),
        Set.of());
  }

  /** The area's data file from the class path, or {@link #none} when the area has none. */
  static Customization forArea(String area) {
    String file = "customization/" + area + ".properties";
    try (InputStream in = Customization.class.getResourceAsStream(file)) {
      if (in == null) {
        return none(area);
      }
      return parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Customization parse(String source, String text) {
    Map<String, List<String>> merges = new LinkedHashMap<>();
    Map<String, String> renames = new LinkedHashMap<>();
    Set<String> apart = new LinkedHashSet<>();
    Set<String> keys = new LinkedHashSet<>();
    String scope = null;
    Set<String> referenceData = new LinkedHashSet<>();
    String entryPoint = null;
    Map<String, String> exportFeeds = new LinkedHashMap<>();
    Map<String, List<String>> maxRanges = new LinkedHashMap<>();
    Map<String, String> resources = new LinkedHashMap<>();
    Set<String> references = new LinkedHashSet<>();
    try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String where = source + ":" + n + ": ";
        while (line.endsWith("\\")) {
          String next = r.readLine();
          if (next == null) {
            throw new IllegalStateException(where + "the last line ends with '\\'");
          }
          n++;
          line = line.substring(0, line.length() - 1).strip() + " " + next.strip();
        }
        int eq = line.indexOf('=');
        if (eq < 0) {
          throw new IllegalStateException(where + "no '=' in: " + line);
        }
        String key = line.substring(0, eq).strip();
        String value = line.substring(eq + 1).strip();
        if (!keys.add(key)) {
          throw new IllegalStateException(where + "key given twice: " + key);
        }
        if (key.startsWith("merge.")) {
          String name = javaName(where, key.substring("merge.".length()));
          List<String> members = list(where, value);
          if (members.size() < 2) {
            throw new IllegalStateException(where + "a merge names at least two schemas: " + line);
          }
          merges.put(name, members);
        } else if (key.startsWith("rename.")) {
          renames.put(key.substring("rename.".length()), javaName(where, value));
        } else if (key.startsWith("apart.")) {
          apart.addAll(list(where, value));
        } else if (key.equals("scope")) {
          if (!value.matches("[a-z]+")) {
            throw new IllegalStateException(where + "a scope prefix is lower-case letters: " + value);
          }
          scope = value;
        } else if (key.equals("referenceData")) {
          referenceData.addAll(list(where, value));
        } else if (key.startsWith("maxRange.")) {
          List<String> parts = list(where, value);
          if (parts.size() != 3 || !parts.get(2).matches("P(T?\\d+[DHMS])+")) {
            throw new IllegalStateException(where
                + "a range limit is 'startField, endField, P14D': " + value);
          }
          maxRanges.put(key.substring("maxRange.".length()), parts);
        } else if (key.startsWith("exportFeed.")) {
          if (!value.matches("[a-z0-9-]+")) {
            throw new IllegalStateException(where + "not a resource path segment: " + value);
          }
          exportFeeds.put(key.substring("exportFeed.".length()), value);
        } else if (key.equals("references")) {
          references.addAll(list(where, value));
        } else if (key.startsWith("resource.")) {
          if (!value.matches("[a-z0-9-]+")) {
            throw new IllegalStateException(where + "not a resource path segment: " + value);
          }
          resources.put(key.substring("resource.".length()), value);
        } else if (key.equals("entryPoint")) {
          entryPoint = javaName(where, value);
        } else {
          throw new IllegalStateException(where
              + "unknown entry (merge., rename., apart., exportFeed., maxRange., resource., scope,"
              + " referenceData, references or entryPoint): " + key);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Customization c = new Customization(source, merges, renames, apart, scope, referenceData,
        entryPoint);
    c.exportFeeds.putAll(exportFeeds);
    c.maxRanges.putAll(maxRanges);
    c.references.addAll(references);
    c.resources.putAll(resources);
    return c;
  }

  private static String javaName(String where, String s) {
    if (!s.matches("[A-Z][A-Za-z0-9]*")) {
      throw new IllegalStateException(where + "not a Java type name: '" + s + "'");
    }
    return s;
  }

  private static List<String> list(String where, String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",")) {
      String s = part.strip();
      if (s.isEmpty()) {
        throw new IllegalStateException(where + "empty schema name in: " + value);
      }
      if (out.contains(s)) {
        throw new IllegalStateException(where + "schema listed twice: " + s);
      }
      out.add(s);
    }
    return out;
  }

  /** A resource that fields named after {@code stem} point at, and its record type. */
  record Target(String resource, String recordType) {
    String area() {
      return resource.substring(0, resource.indexOf('.'));
    }
  }

  /** The shared table of reference targets by field stem ({@code references.properties}). */
  static Map<String, Target> referenceTargets() {
    Map<String, Target> out = new LinkedHashMap<>();
    String file = "references.properties";
    try (InputStream in = Customization.class.getResourceAsStream(file);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] kv = line.split("=", 2);
        String[] v = kv[1].split(",");
        if (v.length != 2 || out.put(kv[0].strip(), new Target(v[0].strip(), v[1].strip())) != null) {
          throw new IllegalStateException(file + ": bad or repeated line: " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The area's prefix in scope names ({@code acc} for accounting). */
  String scopePrefix(String area) {
    return scope == null ? area : scope;
  }

  /** The entry point's class name for {@code area}: {@code entryPoint}, else the capitalised area. */
  String entryClass(String area) {
    return entryPoint == null ? Names.pascal(area) : entryPoint;
  }

  /** Whether {@code resource} is reference data, cached by default. */
  boolean isReferenceData(String resource) {
    return referenceData.contains(resource);
  }
}
