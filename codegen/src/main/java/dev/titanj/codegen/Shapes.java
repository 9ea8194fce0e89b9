package dev.titanj.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which schemas of one document become one Java type.
 *
 * <p>Object schemas with the same shape (the same property names, each with the same Java type
 * once {@code $ref}s are resolved to the types they become, and for request bodies the same
 * required and nullable flags) are merged automatically; {@code merge.} entries of the
 * {@link Customization} add groups whose members differ (a list record and its export record
 * with an extra {@code active}): such a type has the union of the members' fields, which is
 * sound only for records read from responses, where every field but the id is optional.
 * {@code apart.} entries keep schemas out of the automatic merge.
 *
 * <p>A merge that would be wrong fails the generation with every problem listed: a request body
 * (sent exactly) with a response record (read tolerantly), a union of request bodies, a field
 * whose type differs between members, an id some members lack, an enum in a merge, two names for
 * one type, or data naming a schema the document does not use.
 */
final class Shapes {
  /** How a schema is used, which decides how it is generated. */
  enum Kind {
    /** Only read from responses: tolerant. */
    RESPONSE,
    /** Read from responses and sent in requests: tolerant, required fields checked when sent. */
    SHARED,
    /** Only sent: exact. */
    REQUEST
  }

  /** Schema -> the lead schema of its type (itself when alone). */
  final Map<String, String> leadOf = new TreeMap<>();
  /** Lead schema -> members, the lead first. Only for types of more than one schema. */
  final Map<String, List<String>> members = new TreeMap<>();
  /** Lead schema -> the Java name the customization gives the type; absent when it gives none. */
  final Map<String, String> declaredNames = new TreeMap<>();
  /** Lead schema -> the schema the type is generated from: the union of its members' schemas. */
  final Map<String, JsonNode> nodes = new TreeMap<>();
  /**
   * Lead schema -> property -> the members that declare it, for properties that only some members
   * declare.
   */
  final Map<String, Map<String, List<String>>> partial = new TreeMap<>();
  /** Lead schemas of types merged from members with different fields (not identical shapes). */
  final Set<String> unions = new TreeSet<>();

  private final Spec spec;
  private final Function<String, Kind> kind;
  private final Customization custom;
  private final Map<String, String> parent = new TreeMap<>();

  private Shapes(Spec spec, Function<String, Kind> kind, Customization custom) {
    this.spec = spec;
    this.kind = kind;
    this.custom = custom;
  }

  /** Groups {@code used} (every schema the module generates) into types. */
  static Shapes of(Spec spec, Collection<String> used, Function<String, Kind> kind,
      Customization custom) {
    Shapes s = new Shapes(spec, kind, custom);
    s.build(new TreeSet<>(used));
    return s;
  }

  private void build(Set<String> used) {
    List<String> problems = new ArrayList<>();
    // ---- the customization names only schemas the module generates, each at most once ----
    Map<String, String> declOf = new TreeMap<>();
    for (Map.Entry<String, List<String>> m : custom.merges.entrySet()) {
      for (String s : m.getValue()) {
        if (!used.contains(s)) {
          problems.add("merge." + m.getKey() + ": " + unknown(s));
        } else if (spec.isEnum(s)) {
          problems.add("merge." + m.getKey() + ": " + s + " is an enum; only records merge");
        } else if (declOf.containsKey(s)) {
          problems.add(s + " is in merge." + declOf.get(s) + " and merge." + m.getKey());
        } else {
          declOf.put(s, m.getKey());
        }
      }
    }
    for (String s : custom.renames.keySet()) {
      if (!used.contains(s)) {
        problems.add("rename." + s + ": " + unknown(s));
      }
    }
    for (String s : custom.apart) {
      if (!used.contains(s)) {
        problems.add("apart: " + unknown(s));
      }
    }
    // ---- identical shapes: partition refinement until the classes stop splitting ----
    List<String> candidates = new ArrayList<>();
    for (String s : used) {
      JsonNode node = spec.schema(s);
      if (!node.has("enum") && node.path("properties").size() > 0 && !custom.apart.contains(s)) {
        candidates.add(s);
      }
    }
    Map<String, Integer> cls = new TreeMap<>();
    candidates.forEach(c -> cls.put(c, 0));
    int count = candidates.isEmpty() ? 0 : 1;
    while (true) {
      TreeMap<String, List<String>> byKey = new TreeMap<>();
      for (String c : candidates) {
        String key = cls.get(c) + "|" + kind.apply(c) + "|" + shapeKey(c, spec.schema(c), ref -> {
          if (declOf.containsKey(ref)) {
            return "merge:" + declOf.get(ref);
          }
          Integer k = cls.get(ref);
          return k != null ? "class:" + k : "schema:" + ref;
        });
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
      }
      int i = 0;
      for (List<String> members : byKey.values()) {
        for (String m : members) {
          cls.put(m, i);
        }
        i++;
      }
      if (byKey.size() == count) {
        break;
      }
      count = byKey.size();
    }
    for (String s : used) {
      parent.put(s, s);
    }
    Map<Integer, List<String>> byClass = new TreeMap<>();
    for (String c : candidates) {
      byClass.computeIfAbsent(cls.get(c), k -> new ArrayList<>()).add(c);
    }
    for (List<String> same : byClass.values()) {
      for (String m : same) {
        union(same.get(0), m);
      }
    }
    for (List<String> declared : custom.merges.values()) {
      for (String m : declared) {
        if (used.contains(m) && !spec.isEnum(m)) {
          union(declared.get(0), m);
        }
      }
    }
    // ---- groups, their leads and names ----
    Map<String, List<String>> groups = new TreeMap<>();
    for (String s : used) {
      groups.computeIfAbsent(find(s), k -> new ArrayList<>()).add(s);
    }
    for (List<String> g : groups.values()) {
      String lead = lead(g, declOf);
      List<String> ordered = new ArrayList<>();
      ordered.add(lead);
      String decl = declOf.get(lead);
      if (decl != null) {
        for (String m : custom.merges.get(decl)) {
          if (g.contains(m) && !ordered.contains(m)) {
            ordered.add(m);
          }
        }
      }
      g.stream().filter(m -> !ordered.contains(m)).sorted(Comparator.comparing(Shapes::leadRank))
          .forEach(ordered::add);
      for (String m : ordered) {
        leadOf.put(m, lead);
      }
      Set<String> names = new TreeSet<>();
      for (String m : ordered) {
        if (declOf.containsKey(m)) {
          names.add(declOf.get(m));
        }
        if (custom.renames.containsKey(m)) {
          names.add(custom.renames.get(m));
        }
      }
      if (names.size() > 1) {
        problems.add("one type, several names " + names + " for " + ordered
            + (decl == null
                ? " (identical shapes merge: name one of them, or list them under apart.)" : ""));
      } else if (names.size() == 1) {
        declaredNames.put(lead, names.iterator().next());
      }
      if (ordered.size() == 1) {
        nodes.put(lead, spec.schema(lead));
        continue;
      }
      members.put(lead, ordered);
      Set<Integer> classes = new TreeSet<>();
      ordered.forEach(m -> classes.add(cls.getOrDefault(m, -1)));
      boolean identical = classes.size() == 1 && !classes.contains(-1);
      if (!identical) {
        unions.add(lead);
      }
      check(ordered, identical, problems);
      nodes.put(lead, identical ? spec.schema(lead) : unionNode(lead, ordered));
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(custom.source + ": " + problems.size() + " wrong merge"
          + (problems.size() == 1 ? "" : "s") + ":\n  " + String.join("\n  ", problems));
    }
  }

  private String unknown(String s) {
    return spec.schemas().has(s) ? s + " is not generated (no operation uses it)"
        : s + " is not a schema of " + spec.fileName;
  }

  /** The member that leads a group: a declared merge's first member, else the plainest name. */
  private String lead(List<String> group, Map<String, String> declOf) {
    for (String m : group) {
      String d = declOf.get(m);
      if (d != null) {
        return custom.merges.get(d).get(0);
      }
    }
    return group.stream().min(Comparator.comparing(Shapes::leadRank)).orElseThrow();
  }

  /** Orders candidates for leading: not an export record, shortest simple name, then by name. */
  private static String leadRank(String schema) {
    String last = schema.substring(schema.lastIndexOf('.') + 1);
    boolean export = last.startsWith("Export");
    return (export ? "1" : "0") + String.format("%04d", last.length()) + schema;
  }

  /** Problems of one group: kinds that must not mix, unions of requests, conflicting fields. */
  private void check(List<String> ordered, boolean identical, List<String> problems) {
    Set<Kind> kinds = new TreeSet<>();
    ordered.forEach(m -> kinds.add(kind.apply(m)));
    String who = String.join(" + ", ordered);
    if (kinds.contains(Kind.REQUEST) && kinds.size() > 1) {
      problems.add(who + ": a request body (sent exactly) cannot be merged with a response record"
          + " (read tolerantly)");
      return;
    }
    if (kinds.size() > 1) {
      problems.add(who + ": a record also sent in requests (" + kinds + ") merges only with its"
          + " identical shapes");
      return;
    }
    if (!identical && !kinds.contains(Kind.RESPONSE)) {
      problems.add(who + ": only records read from responses merge by the union of their fields;"
          + " " + kinds.iterator().next().name().toLowerCase(java.util.Locale.ROOT)
          + " types merge only when identical");
      return;
    }
    Function<String, String> refId = ref -> spec.isEnum(ref) ? "enum:" + ref : "type:" + find(ref);
    Map<String, String> seen = new LinkedHashMap<>();
    Map<String, String> seenIn = new LinkedHashMap<>();
    boolean anyId = false;
    boolean allId = true;
    for (String m : ordered) {
      JsonNode node = spec.schema(m);
      Set<String> required = required(node);
      boolean hasId = node.path("properties").has("id");
      anyId |= hasId;
      allId &= hasId;
      Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> p = it.next();
        String sig = propertyKey(p.getKey(), p.getValue(), kind.apply(m), required, refId);
        String before = seen.putIfAbsent(p.getKey(), sig);
        if (before == null) {
          seenIn.put(p.getKey(), m);
        } else if (!before.equals(sig)) {
          problems.add(who + ": field " + p.getKey() + " is " + before + " in "
              + seenIn.get(p.getKey()) + " but " + sig + " in " + m);
        }
      }
    }
    if (anyId && !allId) {
      problems.add(who + ": some members have no id, and the merged record would require one");
    }
  }

  /** The lead's schema plus every other member's fields (after the lead's, in member order). */
  private JsonNode unionNode(String lead, List<String> ordered) {
    ObjectNode out = spec.schema(lead).deepCopy();
    ObjectNode props = (ObjectNode) out.get("properties");
    Set<String> required = required(out);
    Map<String, List<String>> declaredBy = new LinkedHashMap<>();
    for (String m : ordered) {
      JsonNode node = spec.schema(m);
      Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> p = it.next();
        declaredBy.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(m);
        if (!props.has(p.getKey())) {
          props.set(p.getKey(), p.getValue());
        }
      }
      if (!m.equals(lead)) {
        required.retainAll(required(node));
      }
    }
    ArrayNode req = out.putArray("required");
    required.forEach(req::add);
    Map<String, List<String>> part = new LinkedHashMap<>();
    declaredBy.forEach((wire, by) -> {
      if (by.size() < ordered.size()) {
        part.put(wire, by);
      }
    });
    partial.put(lead, part);
    return out;
  }

  private static Set<String> required(JsonNode node) {
    Set<String> out = new LinkedHashSet<>();
    node.path("required").forEach(r -> out.add(r.asText()));
    return out;
  }

  /** Property names and keys, in name order (the order of fields does not make a shape). */
  private String shapeKey(String schema, JsonNode node, Function<String, String> refId) {
    Set<String> required = required(node);
    Map<String, String> keys = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> p = it.next();
      keys.put(p.getKey(),
          propertyKey(p.getKey(), p.getValue(), kind.apply(schema), required, refId));
    }
    return keys.toString();
  }

  /**
   * What decides a property's generated code: its Java type (refs through {@code refId}), and the
   * flags the generated accessor depends on (required and nullable for anything sent, nullable
   * for a response id).
   */
  static String propertyKey(String wire, JsonNode ps, Kind kind, Set<String> required,
      Function<String, String> refId) {
    String t = Generator.isMoneyString(wire, ps) ? "decimal" : typeKey(ps, refId);
    boolean nullable = ps.path("nullable").asBoolean(false);
    if (kind == Kind.REQUEST) {
      return t + (required.contains(wire) ? " required" : "") + (nullable ? " nullable" : "");
    }
    if (kind == Kind.SHARED) {
      t += required.contains(wire) ? " required-in-requests" : "";
    }
    return t + (wire.equals("id") && nullable ? " nullable" : "");
  }

  private static String typeKey(JsonNode s, Function<String, String> refId) {
    String ref = Spec.refName(s);
    if (ref != null) {
      return refId.apply(ref);
    }
    String type = s.path("type").asText("");
    String format = s.path("format").asText("");
    switch (type) {
      case "array":
        return "list<" + typeKey(s.path("items"), refId) + ">";
      case "object":
        JsonNode ap = s.get("additionalProperties");
        if (ap != null && ap.isObject() && !ap.isEmpty()) {
          return "map<" + typeKey(ap, refId) + (ap.path("nullable").asBoolean(false) ? "?" : "")
              + ">";
        }
        return ap != null && (ap.isObject() || ap.asBoolean(false)) ? "map<any>" : "object";
      case "string":
        switch (format) {
          case "date-time":
            return "instant";
          case "date":
            return "date";
          case "duration":
          case "time-span":
            return "duration";
          case "guid":
          case "uuid":
            return "uuid";
          case "password":
            return "secret";
          default:
            return "string";
        }
      case "integer":
        return format.equals("int64") ? "long" : "int";
      case "number":
        return format.equals("double") || format.equals("float") ? "double" : "decimal";
      case "boolean":
        return "boolean";
      default:
        return "any";
    }
  }

  private String find(String s) {
    String p = parent.get(s);
    if (p == null) {
      return s;
    }
    if (!p.equals(s)) {
      p = find(p);
      parent.put(s, p);
    }
    return p;
  }

  private void union(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    if (!ra.equals(rb)) {
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }
}
