package dev.titanj.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One OpenAPI 3.0 document read as a JSON tree, with the helpers the generator needs: schema
 * lookup, the .NET {@code oneOf: [$ref]} idiom, and the operations in document order.
 */
final class Spec {
  static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
  private static final Pattern MAX_PAGE = Pattern.compile("Maximum value is (\\d+)");

  final String fileName;
  final JsonNode root;
  /** Path prefix before each spec path, from {@code servers[0].url}: {@code crm/v2}. */
  final String prefix;

  private Spec(String fileName, JsonNode root) {
    this.fileName = fileName;
    this.root = root;
    String p = "";
    JsonNode servers = root.path("servers");
    if (servers.isArray() && servers.size() > 0) {
      String url = servers.get(0).path("url").asText("");
      String path = url.startsWith("http") ? URI.create(url).getPath() : url;
      p = path.replaceAll("^/+", "").replaceAll("/+$", "");
    }
    this.prefix = p;
  }

  static Spec read(Path file) throws IOException {
    return new Spec(file.getFileName().toString(), new ObjectMapper().readTree(Files.readAllBytes(file)));
  }

  static Spec parse(String fileName, String json) throws IOException {
    return new Spec(fileName, new ObjectMapper().readTree(json));
  }

  JsonNode schemas() {
    return root.path("components").path("schemas");
  }

  JsonNode schema(String name) {
    JsonNode s = schemas().get(name);
    if (s == null) {
      throw new IllegalStateException("unknown schema " + name);
    }
    return s;
  }

  /** The schema a node names through {@code $ref} or a single-entry {@code oneOf}/{@code allOf}; null if none. */
  static String refName(JsonNode s) {
    if (s == null) {
      return null;
    }
    if (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      return ref.substring(ref.lastIndexOf('/') + 1);
    }
    for (String k : List.of("oneOf", "allOf", "anyOf")) {
      JsonNode arr = s.get(k);
      if (arr != null && arr.isArray() && arr.size() == 1 && arr.get(0).has("$ref")) {
        return refName(arr.get(0));
      }
    }
    return null;
  }

  boolean isEnum(String name) {
    return name != null && schemas().has(name) && schema(name).has("enum");
  }

  /** The enum schema name a property refers to, or null. */
  String enumRef(JsonNode s) {
    String r = refName(s);
    return isEnum(r) ? r : null;
  }

  /** Whether a resolved object schema is the paged envelope {page, pageSize, hasMore, data}. */
  boolean isPaged(JsonNode s) {
    JsonNode p = s.path("properties");
    return p.has("hasMore") && p.has("data") && p.has("pageSize") && p.has("page");
  }

  /** Whether a resolved object schema is the export envelope {hasMore, continueFrom, data}. */
  boolean isExport(JsonNode s) {
    JsonNode p = s.path("properties");
    return p.has("hasMore") && p.has("data") && p.has("continueFrom");
  }

  /** Whether an envelope's {@code data} items name a record schema (not rows of arrays). */
  boolean hasRecordItems(JsonNode envelope) {
    return refName(envelope.path("properties").path("data").path("items")) != null;
  }

  /** The item schema name of an envelope's {@code data} array. */
  String dataItem(JsonNode envelope) {
    String r = refName(envelope.path("properties").path("data").path("items"));
    if (r == null) {
      throw new IllegalStateException("envelope without a $ref item type");
    }
    return r;
  }

  List<Op> operations() {
    List<Op> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> e = paths.next();
      for (String m : METHODS) {
        JsonNode op = e.getValue().get(m);
        if (op != null) {
          out.add(new Op(this, e.getKey(), m.toUpperCase(java.util.Locale.ROOT), op, e.getValue()));
        }
      }
    }
    return out;
  }

  /** One operation. */
  static final class Op {
    enum Kind { PAGED, EXPORT, ARRAY, OBJECT, LONG, VOID }

    final String id;
    final String method;
    /** Path after {@code /tenant/{tenant}/}: {@code customers/{id}}. */
    final String rel;
    /** Retrofit path: {@code crm/v2/tenant/{tenant}/customers/{id}}. */
    final String full;
    final List<Param> pathParams = new ArrayList<>();
    final List<Param> queryParams = new ArrayList<>();
    /** Request body item/object schema name, or null. */
    final String body;
    final boolean bodyArray;
    final boolean bodyRequired;
    final Kind kind;
    /** Item type for PAGED/EXPORT/ARRAY, object type for OBJECT. */
    final String type;
    final int maxPageSize;
    final String status;

    Op(Spec spec, String path, String method, JsonNode op, JsonNode pathItem) {
      this.id = op.path("operationId").asText(method + path);
      this.method = method;
      String p = path.replaceAll("^/+", "");
      this.full = spec.prefix.isEmpty() ? p : spec.prefix + "/" + p;
      // Telecom puts the version in the path (v2/tenant/{tenant}/calls, v3/tenant/...).
      String below = p.matches("v\\d+/tenant/\\{tenant}(/.*)?") ? p.substring(p.indexOf('/') + 1) : p;
      this.rel = below.startsWith("tenant/{tenant}/") ? below.substring("tenant/{tenant}/".length())
          : below.equals("tenant/{tenant}") ? "" : below;
      List<JsonNode> params = new ArrayList<>();
      pathItem.path("parameters").forEach(params::add);
      op.path("parameters").forEach(params::add);
      int max = 5000;
      for (JsonNode prm : params) {
        if (prm.has("$ref")) {
          continue;
        }
        Param pa = new Param(prm.path("name").asText(), prm.path("schema"),
            prm.path("required").asBoolean(false), prm.path("description").asText(""));
        String in = prm.path("in").asText();
        if ("path".equals(in)) {
          if (!pa.name.equals("tenant")) {
            pathParams.add(pa);
          }
        } else if ("query".equals(in)) {
          queryParams.add(pa);
          if (pa.name.equals("pageSize")) {
            Matcher mm = MAX_PAGE.matcher(pa.description);
            if (mm.find()) {
              max = Integer.parseInt(mm.group(1));
            }
          }
        }
      }
      // Path params in path order.
      List<Param> ordered = new ArrayList<>();
      Matcher mm = Pattern.compile("\\{([^}]+)}").matcher(p);
      while (mm.find()) {
        for (Param pa : pathParams) {
          if (pa.name.equals(mm.group(1))) {
            ordered.add(pa);
          }
        }
      }
      pathParams.clear();
      pathParams.addAll(ordered);
      this.maxPageSize = max;

      JsonNode bodySchema = op.path("requestBody").path("content").path("application/json").path("schema");
      this.bodyRequired = op.path("requestBody").path("required").asBoolean(true);
      if (bodySchema.isMissingNode()) {
        body = null;
        bodyArray = false;
      } else if ("array".equals(bodySchema.path("type").asText())) {
        body = refName(bodySchema.path("items"));
        bodyArray = true;
      } else {
        body = refName(bodySchema);
        bodyArray = false;
      }

      String st = null;
      Iterator<String> codes = op.path("responses").fieldNames();
      while (codes.hasNext()) {
        String c = codes.next();
        if (c.startsWith("2") && st == null) {
          st = c;
        }
      }
      this.status = st == null ? "200" : st;
      JsonNode rs = op.path("responses").path(status).path("content").path("application/json").path("schema");
      if (rs.isMissingNode() || rs.isEmpty()) {
        kind = Kind.VOID;
        type = null;
      } else if ("array".equals(rs.path("type").asText())) {
        kind = Kind.ARRAY;
        type = refName(rs.path("items"));
      } else if ("integer".equals(rs.path("type").asText())) {
        kind = Kind.LONG;
        type = null;
      } else {
        String ref = refName(rs);
        JsonNode resolved = spec.schema(ref);
        if (spec.isPaged(resolved) && !spec.hasRecordItems(resolved)) {
          // Rows of arrays (the Reporting API's report data: {page, ..., data: [[...]],
          // fields}): no record type to page, so the envelope itself is the answer; hand-written
          // code beside the module pages it.
          kind = Kind.OBJECT;
          type = ref;
        } else if (spec.isPaged(resolved)) {
          kind = Kind.PAGED;
          type = spec.dataItem(resolved);
        } else if (spec.isExport(resolved)) {
          kind = Kind.EXPORT;
          type = spec.dataItem(resolved);
        } else {
          kind = Kind.OBJECT;
          type = ref;
        }
      }
    }

    /**
     * A GET answered with a bare array that still takes {@code page} and {@code pageSize}: the
     * runtime pages it until a short page, like an envelope list.
     */
    boolean pagedArray() {
      return kind == Kind.ARRAY && method.equals("GET") && query("page") != null
          && query("pageSize") != null;
    }

    /** Whether the paging runtime owns this list's paging (an envelope or a paged bare array). */
    boolean pagedList() {
      return kind == Kind.PAGED || pagedArray();
    }

    /** Query parameters the paging runtime owns are excluded. */
    List<Param> filters() {
      List<Param> out = new ArrayList<>();
      for (Param p : queryParams) {
        if (!(pagedList() && (p.name.equals("page") || p.name.equals("pageSize")
            || p.name.equals("includeTotal")))) {
          out.add(p);
        }
      }
      return out;
    }

    Param query(String name) {
      for (Param p : queryParams) {
        if (p.name.equals(name)) {
          return p;
        }
      }
      return null;
    }

    @Override
    public String toString() {
      return id + " " + method + " " + full;
    }
  }

  /** A path or query parameter. */
  static final class Param {
    final String name;
    final JsonNode schema;
    final boolean required;
    final String description;

    Param(String name, JsonNode schema, boolean required, String description) {
      this.name = name;
      this.schema = schema;
      this.required = required;
      this.description = description;
    }

    String type() {
      return schema.path("type").asText("");
    }

    String format() {
      return schema.path("format").asText("");
    }

    boolean isArray() {
      return "array".equals(type());
    }

    boolean isObjectMap() {
      return "object".equals(type());
    }
  }
}
