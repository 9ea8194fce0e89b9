package dev.titanj.codegen;

import static dev.titanj.codegen.OperationNames.OVERRIDES;
import static dev.titanj.codegen.Types.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.titanj.codegen.Spec.Op;
import dev.titanj.codegen.Spec.Param;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The intermediate model of one API module: operations grouped into repositories and classified,
 * the used schemas collected, merged and named, and the Java types the emitters write.
 */
final class ModuleModel {
  /** Path prefixes that form their own repository: prefix -> resource key. */
  static final Map<String, String> PREFIX_ALIASES = Map.of("gl-accounts/types", "gl-accounts.types");
  /** Export feeds whose resource has no repository of its own: resource -> {repository, method}. */
  static final Map<String, String[]> EXPORT_ALIASES =
      Map.of("invoice-items", new String[] {"invoices", "exportItems"});

  /** Query parameters that paging sends itself. */
  static final Set<String> PAGING_RESERVED = Set.of("page", "pageSize", "includeTotal");
  /** Names a record's accessors cannot take (the builder's and Object's methods). */
  static final Set<String> VALUE_RESERVED = Set.of("builder", "from", "copyOf", "of", "build",
      "hashCode", "toString", "equals", "getClass", "notify", "notifyAll", "wait", "clone",
      "finalize", "with", "check");
  /** Type names generated code uses for something else. */
  static final Set<String> TYPE_RESERVED = Set.of("Object", "String", "Class", "Override",
      "Deprecated", "Optional", "List", "Map", "Instant", "LocalDate", "Duration", "UUID",
      "BigDecimal", "Value", "WireName", "TitanValue", "WireEnum", "Integer", "Long", "Boolean",
      "Double", "Void", "Enum", "Record", "Module", "Package", "Process", "Runtime", "System",
      "Thread", "Error", "Exception", "Number", "Math", "Character", "Collectors", "Objects");

  final Spec spec;
  final String area;
  final String areaClass;
  final String pkg;
  final String modelPkg;
  final String internalPkg;
  final List<Op> ops;
  /**
   * The area base of most operations ({@code crm/v2}); where the document puts the version in the
   * path (telecom: {@code v2/tenant/...} and {@code v3/tenant/...}), the version most operations
   * use ({@code telecom/v2}), and the others' repositories carry their own base.
   */
  final String base;
  final Map<String, Repo> repos = new TreeMap<>();
  /** Used schema name -> Java simple name. */
  final Map<String, String> typeNames = new TreeMap<>();
  /** Used schemas read from responses (tolerant). */
  final Set<String> responseTypes = new TreeSet<>();
  /** Used schemas only sent (strict). */
  final Set<String> requestTypes = new TreeSet<>();
  /** Used schemas both read from responses and sent inside requests (tolerant, checked when sent). */
  final Set<String> sharedTypes = new TreeSet<>();
  /** The area's renames and shape merges. */
  final Customization custom;
  /** Which schemas are one type; set by {@link #nameTypes()}. */
  Shapes shapes;
  /** Each merge and rename, one line each, for the command line. */
  final List<String> report = new ArrayList<>();
  /** The merged types that the customization does not name. */
  final List<String> warnings = new ArrayList<>();

  ModuleModel(Spec spec, String area, Customization custom) {
    if (!area.matches("[a-z][a-z0-9]*")) {
      throw new IllegalArgumentException("module must be a lower-case word, was " + area);
    }
    this.spec = spec;
    this.area = area;
    this.custom = custom;
    this.areaClass = custom.entryClass(area);
    this.pkg = "dev.titanj." + area;
    this.modelPkg = pkg + ".model";
    this.internalPkg = pkg + ".internal";
    this.ops = spec.operations();
    Map<String, Integer> bases = new TreeMap<>();
    for (Op op : ops) {
      bases.merge(opBase(op), 1, Integer::sum);
    }
    String most = spec.prefix;
    int n = -1;
    for (Map.Entry<String, Integer> e : bases.entrySet()) {
      if (e.getValue() > n) {
        most = e.getKey();
        n = e.getValue();
      }
    }
    this.base = most;
  }

  /** The area base of one operation: its path before {@code /tenant/{tenant}}. */
  static String opBase(Op op) {
    int at = op.full.indexOf("/tenant/{tenant}");
    if (at < 0) {
      throw new IllegalStateException(op.id + ": path " + op.full + " is not below /tenant/{tenant}");
    }
    return op.full.substring(0, at);
  }

  /** The version segment of another area base than the module's ({@code v3}), or null. */
  String otherVersion(Op op) {
    String b = opBase(op);
    return b.equals(base) ? null : b.substring(b.lastIndexOf('/') + 1);
  }

  /** Groups and classifies the operations, then collects and names the schemas they use. */
  void analyze() {
    groupRepositories();
    collectSchemas();
    nameTypes();
  }

  enum Role { QUERY, FIND, CREATE, UPDATE, DELETE, EXPORT, NAMED }

  static final class Bound {
    final Op op;
    final String base;
    Role role;
    String name;

    Bound(Op op, String base) {
      this.op = op;
      this.base = base;
    }
  }

  final class Repo {
    final String resource;
    final String entity;
    final String accessor;
    String primaryBase;
    final List<Bound> ops = new ArrayList<>();
    Bound query;
    Bound find;
    String valueType;
    TypeName idType;
    boolean findAllById;
    String findKind = "NONE";
    /** The repository's area base ({@code telecom/v3}) when it is not the module's, else null. */
    String areaBase;
    /** The resource without the version prefix of {@link #areaBase} ({@code calls}). */
    String scopeResource;

    Repo(String resource) {
      this.resource = resource;
      this.scopeResource = resource;
      if (resource.contains(".")) {
        // gl-accounts.types -> GlAccountType / glAccountTypes
        StringBuilder e = new StringBuilder();
        for (String part : resource.split("\\.")) {
          e.append(Names.entity(part));
        }
        this.entity = e.toString();
        this.accessor = Names.plural(Names.lowerFirst(entity));
      } else {
        this.entity = Names.entity(resource);
        this.accessor = Names.camel(resource);
      }
    }

    String cacheName() {
      return area + "." + resource;
    }

    ClassName repoClass() {
      return ClassName.get(pkg, entity + "Repository");
    }

    ClassName apiClass() {
      return ClassName.get(internalPkg, entity + "Api");
    }
  }

  private void groupRepositories() {
    for (Op op : ops) {
      String[] segs = op.rel.split("/");
      String resource;
      String base;
      String exportName = null;
      String feedOf = custom.exportFeeds.get(op.rel);
      if (feedOf != null) {
        if (op.kind != Op.Kind.EXPORT) {
          throw new IllegalStateException(custom.source + ": exportFeed." + op.rel
              + " names an operation that answers no export envelope");
        }
        resource = feedOf;
        base = op.rel;
        exportName = "export";
      } else if (segs[0].equals("export") && segs.length >= 2) {
        String res = segs[1];
        String sub = segs.length > 2 ? String.join("-", List.of(segs).subList(2, segs.length)) : "";
        if (EXPORT_ALIASES.containsKey(res)) {
          resource = EXPORT_ALIASES.get(res)[0];
          exportName = EXPORT_ALIASES.get(res)[1];
        } else {
          resource = res;
          exportName = "export" + (sub.isEmpty() ? "" : Names.pascal(sub));
        }
        base = op.rel;
      } else if (segs.length >= 3 && segs[0].endsWith("-provider") && segs[1].startsWith("{")) {
        // Integration-scoped paths: booking-provider/{booking_provider}/bookings/...
        resource = segs[2];
        base = segs[0] + "/" + segs[1] + "/" + segs[2];
      } else {
        // resource.<segment> in the customization file: report-category/{c}/reports -> reports.
        resource = custom.resources.getOrDefault(segs[0], segs[0]);
        base = segs[0];
        for (Map.Entry<String, String> a : new TreeMap<>(PREFIX_ALIASES).entrySet()) {
          if (op.rel.equals(a.getKey()) || op.rel.startsWith(a.getKey() + "/")) {
            resource = a.getValue();
            base = a.getKey();
          }
        }
      }
      String version = otherVersion(op);
      String plain = resource;
      if (version != null) {
        // Another version's operations form their own repositories: v3-calls (V3CallRepository).
        resource = version + "-" + resource;
      }
      Repo r = repos.computeIfAbsent(resource, Repo::new);
      if (version != null) {
        r.areaBase = opBase(op);
        r.scopeResource = plain;
      }
      Bound b = new Bound(op, base);
      if (exportName != null) {
        b.role = Role.EXPORT;
        b.name = exportName;
      }
      r.ops.add(b);
      if (exportName == null && (r.primaryBase == null || base.equals(resource.replace('.', '/')))) {
        if (r.primaryBase == null || !r.primaryBase.equals(resource.replace('.', '/'))) {
          r.primaryBase = base;
        }
      }
    }
    // Another version's resource keeps its plain name when the module's version has no such
    // resource (telecom v3 optinouts), and takes the version prefix when it has (v3-calls).
    for (Repo r : new ArrayList<>(repos.values())) {
      if (r.areaBase != null && !repos.containsKey(r.scopeResource)) {
        repos.remove(r.resource);
        Repo plain = new Repo(r.scopeResource);
        plain.areaBase = r.areaBase;
        plain.primaryBase = r.primaryBase;
        plain.ops.addAll(r.ops);
        repos.put(plain.resource, plain);
      }
    }
    for (String seg : custom.resources.keySet()) {
      if (ops.stream().noneMatch(o -> o.rel.split("/")[0].equals(seg))) {
        throw new IllegalStateException(custom.source + ": resource." + seg
            + " names no path of the document");
      }
    }
    for (String path : custom.exportFeeds.keySet()) {
      if (ops.stream().noneMatch(o -> o.rel.equals(path))) {
        throw new IllegalStateException(custom.source + ": exportFeed." + path
            + " names no operation of the document");
      }
    }
    for (Repo r : repos.values()) {
      if (r.primaryBase == null) {
        r.primaryBase = r.resource;
      }
      classify(r);
      resolveSupport(r);
    }
  }

  private void classify(Repo r) {
    Set<String> patchPaths = new LinkedHashSet<>();
    for (Bound b : r.ops) {
      if (b.op.method.equals("PATCH")) {
        patchPaths.add(b.op.rel);
      }
    }
    for (Bound b : r.ops) {
      if (b.role == Role.EXPORT) {
        continue;
      }
      Op op = b.op;
      String override = OVERRIDES.get(op.id);
      if (override != null) {
        b.name = override;
        b.role = override.equals("query") ? Role.QUERY : Role.NAMED;
      } else if (b.base.equals(r.primaryBase)) {
        String rest = op.rel.substring(b.base.length());
        boolean item = rest.matches("/\\{[^}/]+}");
        boolean requiredQuery = op.queryParams.stream().anyMatch(p -> p.required);
        if (op.method.equals("GET") && rest.isEmpty() && op.kind == Op.Kind.PAGED) {
          b.role = Role.QUERY;
        } else if (op.method.equals("GET") && item && op.kind == Op.Kind.OBJECT && !requiredQuery
            && itemId(op.type) != null
            && itemId(op.type).equals(idType(op.pathParams.get(op.pathParams.size() - 1).schema))) {
          // A read by id answers a record with an id of the path's type (not a {data: record}
          // wrapper, nor a read by another key such as marketing's suppressions/{email}).
          b.role = Role.FIND;
        } else if (op.method.equals("POST") && rest.isEmpty() && op.body != null && !requiredQuery) {
          b.role = Role.CREATE;
          b.name = "create";
        } else if (op.method.equals("PATCH") && item && !requiredQuery) {
          b.role = Role.UPDATE;
          b.name = "update";
        } else if (op.method.equals("PUT") && item && !requiredQuery && !patchPaths.contains(op.rel)) {
          b.role = Role.UPDATE;
          b.name = "update";
        } else if (op.method.equals("PUT") && item && !requiredQuery) {
          b.role = Role.NAMED;
          b.name = "replace";
        } else if (op.method.equals("DELETE") && item && !requiredQuery) {
          b.role = Role.DELETE;
          b.name = "delete";
        }
      }
      if (b.role == null) {
        b.role = Role.NAMED;
        b.name = derivedName(op);
      }
      if (b.role == Role.QUERY) {
        if (r.query != null) {
          // A second list at the primary base: keep it as a named list.
          b.role = Role.NAMED;
          b.name = derivedName(op);
        } else {
          r.query = b;
          b.name = "query";
        }
      }
      if (b.role == Role.FIND) {
        if (r.find != null) {
          b.role = Role.NAMED;
          b.name = derivedName(op);
        } else {
          r.find = b;
          b.name = "findById";
        }
      }
    }
    Set<String> seen = new LinkedHashSet<>();
    for (Bound b : r.ops) {
      String key = b.name + (b.op.kind == Op.Kind.PAGED ? "#list" : "") + "/" + b.op.pathParams.size();
      if (!seen.add(key)) {
        throw new IllegalStateException("two operations of " + r.resource + " map to method "
            + b.name + ": add an entry to operation-names.properties for " + b.op.id);
      }
    }
  }

  static String derivedName(Op op) {
    String action = op.id.contains("_") ? op.id.substring(op.id.lastIndexOf('_') + 1) : op.id;
    if (op.method.equals("GET") && op.kind == Op.Kind.PAGED) {
      String a = action;
      if (a.startsWith("Get") && a.length() > 3) {
        a = a.substring(3);
      }
      boolean list = a.endsWith("List") && a.length() > 4;
      if (list) {
        a = Names.plural(a.substring(0, a.length() - 4));
      }
      if (a.equals("List") || a.isEmpty()) {
        return "list";
      }
      return Names.safe(Names.camel(a), Set.of());
    }
    return Names.safe(Names.camel(action), Set.of());
  }

  private void resolveSupport(Repo r) {
    if (r.find != null) {
      Op f = r.find.op;
      Param idp = f.pathParams.get(f.pathParams.size() - 1);
      r.idType = idType(idp.schema);
      r.valueType = f.type;
      r.findKind = "FIND";
    } else if (r.query != null && itemId(r.query.op.type) != null
        && r.query.op.filters().stream().noneMatch(p -> p.required)) {
      // A list that requires a filter (inventory return-types: activeOnly) cannot back a read
      // by id.
      r.idType = itemId(r.query.op.type);
      r.valueType = r.query.op.type;
      r.findKind = r.query.op.query("ids") != null ? "IDS" : "SCAN";
    }
    if (r.query != null && r.valueType != null && r.query.op.type.equals(r.valueType)
        && r.query.op.query("ids") != null && r.query.op.pathParams.isEmpty()
        && itemId(r.valueType) != null && itemId(r.valueType).equals(r.idType)) {
      r.findAllById = true;
    }
    if (r.query != null && !r.query.op.pathParams.isEmpty() && !"FIND".equals(r.findKind)) {
      r.findKind = "NONE";
      r.idType = null;
      r.valueType = null;
    }
  }

  /** Boxed id type of a schema's {@code id} property, or null when it has none. */
  TypeName itemId(String schemaName) {
    if (schemaName == null) {
      return null;
    }
    JsonNode id = spec.schema(schemaName).path("properties").get("id");
    if (id == null) {
      return null;
    }
    TypeName t = idType(id);
    return t;
  }

  static TypeName idType(JsonNode s) {
    String type = s.path("type").asText("");
    String format = s.path("format").asText("");
    if (type.equals("integer")) {
      return format.equals("int32") ? INTEGER : LONG;
    }
    if (type.equals("string") && (format.equals("guid") || format.equals("uuid"))) {
      return UUID;
    }
    if (type.equals("string")) {
      return STRING;
    }
    return null;
  }

  private void collectSchemas() {
    Deque<String> resp = new ArrayDeque<>();
    Deque<String> req = new ArrayDeque<>();
    for (Op op : ops) {
      if (op.type != null) {
        resp.add(op.type);
      }
      if (op.body != null) {
        req.add(op.body);
      }
      for (Param p : op.queryParams) {
        String e = spec.enumRef(p.schema);
        if (e == null && p.isArray()) {
          e = spec.enumRef(p.schema.path("items"));
        }
        if (e != null && !isActive(e)) {
          req.add(e);
        }
      }
    }
    closure(resp, responseTypes);
    Set<String> reqAll = new TreeSet<>();
    closure(req, reqAll);
    for (String s : reqAll) {
      if (!responseTypes.contains(s)) {
        requestTypes.add(s);
      } else {
        sharedTypes.add(s);
      }
    }
  }

  private void closure(Deque<String> work, Set<String> into) {
    while (!work.isEmpty()) {
      String s = work.pop();
      if (!into.add(s)) {
        continue;
      }
      JsonNode node = spec.schema(s);
      List<String> refs = new ArrayList<>();
      collectRefs(node, refs, true);
      work.addAll(refs);
    }
  }

  private void collectRefs(JsonNode s, List<String> out, boolean top) {
    if (s == null || !s.isObject()) {
      return;
    }
    String r = Spec.refName(s);
    if (r != null && !top) {
      out.add(r);
      return;
    }
    Iterator<JsonNode> props = s.path("properties").elements();
    while (props.hasNext()) {
      collectRefs(props.next(), out, false);
    }
    if (s.has("items")) {
      collectRefs(s.get("items"), out, false);
    }
    if (s.path("additionalProperties").isObject()) {
      collectRefs(s.get("additionalProperties"), out, false);
    }
  }

  static boolean isActive(String schema) {
    return schema.equals("ActiveRequestArg") || schema.endsWith(".ActiveRequestArg");
  }

  private void nameTypes() {
    Set<String> used = new TreeSet<>();
    used.addAll(responseTypes);
    used.addAll(requestTypes);
    shapes = Shapes.of(spec, used, s -> requestTypes.contains(s) ? Shapes.Kind.REQUEST
        : sharedTypes.contains(s) ? Shapes.Kind.SHARED : Shapes.Kind.RESPONSE, custom);
    // One entry per type, keyed by its lead schema; a base name two types share is qualified.
    Set<String> leads = new TreeSet<>(shapes.leadOf.values());
    Map<String, Set<String>> byBase = new TreeMap<>();
    for (String lead : leads) {
      byBase.computeIfAbsent(baseName(lead), k -> new TreeSet<>()).add(lead);
    }
    Map<String, String> first = new TreeMap<>();
    for (String lead : leads) {
      first.put(lead,
          byBase.get(baseName(lead)).size() == 1 ? baseName(lead) : qualifiedName(lead));
    }
    Set<String> taken = new TreeSet<>(first.values());
    taken.addAll(shapes.declaredNames.values());
    Map<String, String> byName = new TreeMap<>();
    for (Map.Entry<String, String> e : first.entrySet()) {
      String lead = e.getKey();
      String n = shapes.declaredNames.get(lead);
      if (n == null) {
        n = e.getValue();
        JsonNode node = spec.schema(lead);
        if (!node.has("enum") && responseTypes.contains(lead) && n.endsWith("Response")
            && n.length() > "Response".length()) {
          String stripped = n.substring(0, n.length() - "Response".length());
          if (!taken.contains(stripped) && !TYPE_RESERVED.contains(stripped)) {
            taken.remove(n);
            taken.add(stripped);
            n = stripped;
          }
        }
        if (TYPE_RESERVED.contains(n)) {
          n = n + "Model";
        }
      } else if (TYPE_RESERVED.contains(n)) {
        throw new IllegalStateException(custom.source + ": " + n + " (for " + lead
            + ") is a name generated code uses for something else");
      }
      String clash = byName.put(n, lead);
      if (clash != null) {
        throw new IllegalStateException(custom.source + ": two types named " + n + ": " + clash
            + " and " + lead + " (rename one of them)");
      }
      typeNames.put(lead, n);
    }
    for (Map.Entry<String, List<String>> g : shapes.members.entrySet()) {
      String how = shapes.unions.contains(g.getKey()) ? "union" : "identical";
      String line = "merge " + typeNames.get(g.getKey()) + " (" + how + "): "
          + String.join(" + ", g.getValue());
      if (shapes.declaredNames.containsKey(g.getKey())) {
        report.add(line);
      } else {
        report.add(line + "  [name not in the customization]");
        warnings.add(line + "  [name not in the customization]");
      }
    }
    for (Map.Entry<String, String> e : custom.renames.entrySet()) {
      if (!shapes.members.containsKey(shapes.leadOf.get(e.getKey()))) {
        report.add("rename " + e.getKey() + " -> " + e.getValue());
      }
    }
  }

  private static String baseName(String schema) {
    String last = schema.contains(".") ? schema.substring(schema.lastIndexOf('.') + 1) : schema;
    return Names.pascal(last);
  }

  private static String qualifiedName(String schema) {
    String[] parts = schema.split("\\.");
    if (parts.length >= 2 && !parts[parts.length - 2].matches("V\\d+")) {
      return Names.pascal(parts[parts.length - 2]) + Names.pascal(parts[parts.length - 1]);
    }
    return Names.pascal(schema.replace('.', '_'));
  }

  /** The Java type of a schema: the type of every schema merged with it. */
  ClassName model(String schema) {
    String lead = shapes == null ? null : shapes.leadOf.get(schema);
    String n = lead == null ? null : typeNames.get(lead);
    if (n == null) {
      throw new IllegalStateException("schema not collected: " + schema);
    }
    return ClassName.get(modelPkg, n);
  }

  /** Whether {@code schema} is the one a type is generated from (each merged type has one). */
  boolean isLead(String schema) {
    return schema.equals(shapes.leadOf.get(schema));
  }

  /** The schemas of one type, its lead first. */
  List<String> membersOf(String lead) {
    return shapes.members.getOrDefault(lead, List.of(lead));
  }

  /** A property's Java type; {@code tolerant} turns enums into strings. */
  TypeName propType(JsonNode s, boolean tolerant, boolean boxed) {
    String ref = Spec.refName(s);
    if (ref != null) {
      if (spec.isEnum(ref)) {
        return tolerant ? STRING : model(ref);
      }
      return model(ref);
    }
    String type = s.path("type").asText("");
    String format = s.path("format").asText("");
    switch (type) {
      case "array":
        return ParameterizedTypeName.get(LIST, propType(s.path("items"), tolerant, true));
      case "object":
        JsonNode ap = s.get("additionalProperties");
        if (ap != null && ap.isObject() && !ap.isEmpty()) {
          return ParameterizedTypeName.get(MAP, STRING, propType(ap, tolerant, true));
        }
        if (ap != null && (ap.isObject() || ap.asBoolean(false))) {
          return ParameterizedTypeName.get(MAP, STRING, OBJECT);
        }
        return OBJECT;
      case "string":
        switch (format) {
          case "date-time":
            return INSTANT;
          case "date":
            return LOCAL_DATE;
          case "duration":
          case "time-span":
            return DURATION;
          case "guid":
          case "uuid":
            return UUID;
          default:
            return STRING;
        }
      case "integer":
        if (format.equals("int64")) {
          return boxed ? LONG : TypeName.LONG;
        }
        return boxed ? INTEGER : TypeName.INT;
      case "number":
        if (format.equals("double") || format.equals("float")) {
          return boxed ? ClassName.get(Double.class) : TypeName.DOUBLE;
        }
        return BIG_DECIMAL;
      case "boolean":
        return boxed ? BOOLEAN : TypeName.BOOLEAN;
      default:
        return OBJECT;
    }
  }

  static final Pattern MONEY = Pattern.compile("^(total|subTotal|salesTax|balance|discountTotal"
      + "|quantity|cost|totalCost|price|memberPrice|unappliedAmount|amount|appliedAmount)$"
      + "|.*(Amount|Total|Price|Cost|Balance)$");

  /**
   * Accounting declares money in read models as plain strings ({@code "total": "123.45"}); such
   * properties become BigDecimal (which reads strings and numbers). Strings the API describes as
   * display-formatted stay strings.
   */
  static boolean isMoneyString(String wire, JsonNode ps) {
    return "string".equals(ps.path("type").asText()) && !ps.has("format") && !ps.has("enum")
        && Spec.refName(ps) == null && MONEY.matcher(wire).matches()
        && !ps.path("description").asText("").toLowerCase(Locale.ROOT).contains("formatted");
  }

  /** Java accessor name per wire name for one schema, deduplicated. */
  Map<String, String> accessorNames(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> taken = new LinkedHashSet<>();
    Iterator<String> it = node.path("properties").fieldNames();
    while (it.hasNext()) {
      String wire = it.next();
      String base = Names.safe(Names.camel(wire), VALUE_RESERVED);
      String n = base;
      for (int i = 2; taken.contains(n); i++) {
        n = base + i;
      }
      taken.add(n);
      out.put(wire, n);
    }
    return out;
  }

  // =====================================================================================
  // Names and types shared by the emitters
  // =====================================================================================

  String apiMethodName(Op op) {
    return Names.safe(Names.camel(op.id.replace("_", " ")), Set.of());
  }

  TypeName itemType(Op op) {
    return op.type == null ? OBJECT : model(op.type);
  }

  TypeName callBodyType(Op op) {
    switch (op.kind) {
      case PAGED:
        return ParameterizedTypeName.get(PAGED_RESPONSE, itemType(op));
      case EXPORT:
        return ParameterizedTypeName.get(EXPORT_RESPONSE, itemType(op));
      case ARRAY:
        return ParameterizedTypeName.get(LIST, itemType(op));
      case OBJECT:
        return model(op.type);
      case LONG:
        return LONG;
      default:
        return VOID;
    }
  }

  TypeName bodyType(Op op) {
    TypeName t = model(op.body);
    return op.bodyArray ? ParameterizedTypeName.get(LIST, t) : t;
  }

  /** Java type of a path parameter in signatures. */
  static TypeName pathType(Param p) {
    TypeName t = idType(p.schema);
    if (t == null) {
      return STRING;
    }
    if (t.equals(LONG)) {
      return TypeName.LONG;
    }
    if (t.equals(INTEGER)) {
      return TypeName.INT;
    }
    return t;
  }

  /** Retrofit-level query parameters: everything but object maps (sent through the QueryMap). */
  static List<Param> wireQuery(Op op) {
    List<Param> out = new ArrayList<>();
    for (Param p : op.queryParams) {
      if (!p.isObjectMap()) {
        out.add(p);
      }
    }
    return out;
  }

  static Map<Param, String> javaNames(Op op) {
    Map<Param, String> out = new LinkedHashMap<>();
    Set<String> taken = new LinkedHashSet<>(List.of("tenant", "extras", "request", "requests"));
    List<Param> all = new ArrayList<>(op.pathParams);
    all.addAll(op.queryParams);
    for (Param p : all) {
      String base = Names.safe(Names.camel(p.name), Set.of("tenant", "extras", "request", "requests"));
      String n = base;
      for (int i = 2; taken.contains(n); i++) {
        n = base + i;
      }
      taken.add(n);
      out.put(p, n);
    }
    return out;
  }

  /** The path below {@code {area}/v2/tenant/{tenant}/}: Retrofit paths and descriptors use it. */
  String relativePath(Op op) {
    String prefix = opBase(op) + "/tenant/{tenant}/";
    if (!op.full.startsWith(prefix)) {
      throw new IllegalStateException(op.id + ": path " + op.full + " is not below " + prefix);
    }
    return op.full.substring(prefix.length());
  }

  /** Query parameters of an export other than {@code from} and {@code includeRecentChanges}. */
  static List<Param> exportExtras(Op op) {
    List<Param> extra = new ArrayList<>();
    for (Param p : wireQuery(op)) {
      if (!p.name.equals("from") && !p.name.equals("includeRecentChanges")) {
        extra.add(p);
      }
    }
    return extra;
  }

  // =====================================================================================
  // The resource model: keys, contracts, descriptors
  // =====================================================================================

  ClassName moduleClass() {
    return ClassName.get(pkg, areaClass + "Module");
  }

  /** The record type of a repository's key: its read type, or {@code Void} when it has none. */
  TypeName recordType(Repo r) {
    return r.valueType != null && r.idType != null ? model(r.valueType) : VOID;
  }

  TypeName keyIdType(Repo r) {
    return r.valueType != null && r.idType != null ? r.idType : VOID;
  }

  /**
   * The record a change-based request is computed from: the one type that {@code GET} of the
   * path answers with, for every PATCH or PUT of that path that takes {@code schema}; else null.
   */
  String changesSource(String schema) {
    Set<String> sources = new TreeSet<>();
    List<String> bodies = shapes == null ? List.of(schema) : membersOf(schema);
    for (Op op : ops) {
      if (op.body != null && bodies.contains(op.body) && !op.bodyArray
          && (op.method.equalsIgnoreCase("PATCH") || op.method.equalsIgnoreCase("PUT"))) {
        for (Op get : ops) {
          if (get.method.equalsIgnoreCase("GET") && get.full.equals(op.full)
              && get.kind == Op.Kind.OBJECT && get.type != null) {
            sources.add(shapes == null ? get.type : shapes.leadOf.get(get.type));
          }
        }
      }
    }
    return sources.size() == 1 ? sources.iterator().next() : null;
  }

  /**
   * The update a session can send for the repository's records (the {@code UpdateRepository}
   * contract): a PATCH of one record by a numeric id whose request type is computed from the
   * record ({@link #changesSource}); else null.
   */
  Bound updatable(Repo r) {
    if (!readable(r)) {
      return null;
    }
    for (Bound b : r.ops) {
      Op op = b.op;
      if (b.role == Role.UPDATE && op.method.equals("PATCH") && op.body != null && !op.bodyArray
          && op.pathParams.size() == 1 && op.queryParams.stream().noneMatch(p -> p.required)
          && !responseTypes.contains(op.body) && changesSource(op.body) != null
          && model(changesSource(op.body)).equals(model(r.valueType))
          && (r.idType.equals(LONG) || r.idType.equals(INTEGER))) {
        return b;
      }
    }
    return null;
  }

  /** Whether the repository reads records by id alone (the {@code ReadRepository} contract). */
  boolean readable(Repo r) {
    if (r.valueType == null || r.idType == null || r.findKind.equals("NONE")) {
      return false;
    }
    return r.find == null || r.find.op.pathParams.size() == 1;
  }

  /** Whether {@code query()} takes no argument and lists the key's records. */
  boolean queryable(Repo r) {
    return r.valueType != null && r.idType != null && r.query != null
        && r.query.op.pathParams.isEmpty() && model(r.valueType).equals(itemType(r.query.op));
  }

  /** The repository's {@code export} feed of the key's records, or null. */
  Bound exportable(Repo r) {
    if (r.valueType == null || r.idType == null) {
      return null;
    }
    for (Bound b : r.ops) {
      if (b.role == Role.EXPORT && b.name.equals("export")
          && model(r.valueType).equals(itemType(b.op))) {
        return b;
      }
    }
    return null;
  }

  static TypeName raw(TypeName t) {
    return t instanceof ParameterizedTypeName ? ((ParameterizedTypeName) t).rawType() : t;
  }
}
