package dev.titanj.codegen;

import static dev.titanj.codegen.ModuleModel.PAGING_RESERVED;
import static dev.titanj.codegen.ModuleModel.exportExtras;
import static dev.titanj.codegen.ModuleModel.isActive;
import static dev.titanj.codegen.ModuleModel.javaNames;
import static dev.titanj.codegen.ModuleModel.pathType;
import static dev.titanj.codegen.ModuleModel.wireQuery;
import static dev.titanj.codegen.OperationNames.FORMER_NAMES;
import static dev.titanj.codegen.OperationNames.PRESETS;
import static dev.titanj.codegen.Types.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.titanj.codegen.ModuleModel.Bound;
import dev.titanj.codegen.ModuleModel.Repo;
import dev.titanj.codegen.ModuleModel.Role;
import dev.titanj.codegen.OperationNames.Preset;
import dev.titanj.codegen.Spec.Op;
import dev.titanj.codegen.Spec.Param;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/** Writes one repository ({@code <Entity>Repository}) with its query classes and sort enums. */
final class RepositoryEmitter {
  private final ModuleModel mod;
  private final Sources out;
  private final QueryEmitter queries;
  private final Repo r;
  private final TypeSpec.Builder t;
  /** Name and parameter types of each method written, to refuse two alike. */
  private final Set<String> methodKeys = new LinkedHashSet<>();

  RepositoryEmitter(ModuleModel mod, Sources out, Repo r) {
    this.mod = mod;
    this.out = out;
    this.queries = new QueryEmitter(mod, out);
    this.r = r;
    this.t = TypeSpec.classBuilder(r.repoClass()).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
  }

  boolean hasSupport() {
    return r.valueType != null && r.idType != null;
  }

  TypeName idParamType() {
    return r.idType.equals(LONG) ? TypeName.LONG : r.idType.equals(INTEGER) ? TypeName.INT : r.idType;
  }

  /** {@code api::method} when the call takes only the query, else {@code q -> api.method(...)}. */
  CodeBlock queryCall(Op op, Map<Param, String> jn) {
    return op.pathParams.isEmpty() && op.body == null
        ? CodeBlock.of("api::$L", mod.apiMethodName(op))
        : CodeBlock.of("q -> $L", api(op, jn, Map.of(), CodeBlock.of("q")));
  }

  /** {@code api.method(args...)} for {@code op}. */
  CodeBlock api(Op op, Map<Param, String> jn, Map<Param, String> rename, CodeBlock query) {
    List<CodeBlock> args = new ArrayList<>();
    for (Param p : op.pathParams) {
      args.add(CodeBlock.of("$L", rename.getOrDefault(p, jn.get(p))));
    }
    if (!op.queryParams.isEmpty()) {
      args.add(query == null ? CodeBlock.of("null") : query);
    }
    if (op.body != null) {
      args.add(CodeBlock.of("$L", op.bodyArray ? "requests" : "request"));
    }
    return CodeBlock.of("api.$L($L)", mod.apiMethodName(op), CodeBlock.join(args, ", "));
  }

  void write() {
    TypeName record = mod.recordType(r);
    TypeName id = mod.keyIdType(r);
    t.addJavadoc("Repository of {@code $L} ({@code $L/tenant/{tenant}/$L}). Obtain it from {@link $T};"
        + " thread-safe.\n", r.cacheName(), r.areaBase != null ? r.areaBase : mod.base, r.primaryBase,
        ClassName.get(mod.pkg, mod.areaClass));
    if (!mod.readable(r) && !mod.queryable(r) && mod.exportable(r) == null) {
      t.addSuperinterface(ParameterizedTypeName.get(ClassName.get(CORE, "Repository"), record, id));
    }
    Bound update = mod.updatable(r);
    if (update != null) {
      ClassName request = mod.model(update.op.body);
      t.addSuperinterface(ParameterizedTypeName.get(ClassName.get(CORE, "UpdateRepository"), record,
          id, request));
    } else if (mod.readable(r)) {
      t.addSuperinterface(ParameterizedTypeName.get(ClassName.get(CORE, "ReadRepository"), record, id));
    }
    if (mod.queryable(r)) {
      t.addSuperinterface(ParameterizedTypeName.get(ClassName.get(CORE, "QueryRepository"), record, id));
    }
    if (mod.exportable(r) != null) {
      t.addSuperinterface(ParameterizedTypeName.get(ClassName.get(CORE, "ExportRepository"), record, id));
    }
    t.addField(ParameterizedTypeName.get(RUNTIME, record, id), "rt", Modifier.PRIVATE, Modifier.FINAL);
    t.addField(r.apiClass(), "api", Modifier.PRIVATE, Modifier.FINAL);
    CodeBlock idOf = !hasSupport() ? CodeBlock.of("null")
        : mod.spec.schema(r.valueType).path("properties").path("id").path("nullable").asBoolean(false)
            ? CodeBlock.of("x -> x.id().orElse(null)") : CodeBlock.of("$T::id", mod.model(r.valueType));
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addParameter(MODULE_RUNTIME, "m")
        .addStatement("rt = m.resource($T.$L, $L)", mod.moduleClass(), Names.constant(r.accessor), idOf);
    if (r.areaBase != null) {
      // Another API version than the module's: its paths are below their own base.
      ctor.addStatement("api = m.api($S, $T.class)", r.areaBase, r.apiClass());
    } else {
      ctor.addStatement("api = m.api($T.class)", r.apiClass());
    }
    t.addMethod(ctor.build());
    t.addMethod(MethodSpec.methodBuilder("key").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(ParameterizedTypeName.get(RESOURCE_KEY, record, id))
        .addStatement("return rt.key()").build());
    if (r.query != null) {
      writeList(r.query);
    }
    writeFind();
    if (update != null) {
      writeUpdateContract(update, id);
    }
    for (Bound b : r.ops) {
      if (b == r.query || b == r.find) {
        continue;
      }
      if (b.role == Role.EXPORT) {
        writeExport(b);
      } else if (b.op.kind == Op.Kind.PAGED && b.op.method.equals("GET")) {
        writeList(b);
      } else if (b.op.pagedArray()) {
        writeArrayList(b);
      } else {
        writeCall(b);
      }
    }
    out.emit(mod.pkg, t.build());
  }

  /** {@code updateType()} and {@code update(K, R)} of the {@code UpdateRepository} contract. */
  void writeUpdateContract(Bound update, TypeName id) {
    ClassName request = mod.model(update.op.body);
    t.addMethod(MethodSpec.methodBuilder("updateType").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Class.class), request))
        .addStatement("return $T.class", request).build());
    t.addMethod(MethodSpec.methodBuilder("update").addAnnotation(Override.class)
        .addJavadoc("{@link #update($T, $T)} for the {@code UpdateRepository} contract.\n",
            id.unbox(), request)
        .addModifiers(Modifier.PUBLIC).addParameter(id, "id").addParameter(request, "request")
        .addStatement("update($T.notNull($S, id).$LValue(), request)", ARGUMENTS, "id",
            id.unbox().toString())
        .build());
  }

  // ---- lists ----

  ClassName queryClass(Bound b) {
    String n = b.name.equals("query") ? "" : b.name.startsWith("query") ? b.name.substring(5)
        : Names.upperFirst(b.name);
    if (n.startsWith(r.entity) && n.length() > r.entity.length()
        && Character.isUpperCase(n.charAt(r.entity.length()))) {
      return ClassName.get(mod.pkg, n + "Query");
    }
    return ClassName.get(mod.pkg, r.entity + n + "Query");
  }

  Map<Param, String> listNames(Bound b) {
    Map<Param, String> jn = javaNames(b.op);
    Param idParam = affectedId(b);
    if (idParam != null && idParam.name.equals("id")) {
      jn.put(idParam, Names.lowerFirst(r.entity) + "Id");
    }
    return jn;
  }

  MethodSpec.Builder listMethod(Bound b, ClassName q, Map<Param, String> jn) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(b.name).addModifiers(Modifier.PUBLIC)
        .returns(q).addAnnotation(CHECK_RETURN_VALUE);
    for (Param p : b.op.pathParams) {
      m.addParameter(pathType(p), jn.get(p));
      check(m, p, jn.get(p));
    }
    return m;
  }

  void writeList(Bound b) {
    Op op = b.op;
    ClassName q = queryClass(b);
    queries.write(b, q, mod.itemType(op));
    Map<Param, String> jn = listNames(b);
    MethodSpec.Builder m = listMethod(b, q, jn)
        .addJavadoc("A query over {@code $L $L}: lazy, paged (up to $L records per request)."
            + " Nothing is requested until a terminal such as {@code stream()} or {@code page(n)}.\n",
            op.method, op.full, op.maxPageSize)
        .addStatement("return new $T(rt.pages($L, $L))", q, queryCall(op, jn), op.maxPageSize);
    addMethod(m.build());
  }

  /**
   * A list answered with a bare array that takes {@code page}/{@code pageSize}: a query like an
   * envelope list's, paged by the runtime until a short page. When its filters are those of the
   * resource's main query it reuses that query class, and keeps the former
   * {@code name(filters)} signature as a deprecated collector.
   */
  void writeArrayList(Bound b) {
    Op op = b.op;
    TypeName item = mod.itemType(op);
    boolean reuse = r.query != null && op.pathParams.isEmpty() && op.type != null
        && op.type.equals(r.query.op.type) && sameFilters(op, r.query.op);
    ClassName q = reuse ? queryClass(r.query) : queryClass(b);
    if (!reuse) {
      queries.write(b, q, item);
    }
    Map<Param, String> jn = listNames(b);
    CodeBlock state = CodeBlock.of("rt.arrayPages($L, $L)", queryCall(op, jn), op.maxPageSize);
    MethodSpec.Builder m = listMethod(b, q, jn)
        .addJavadoc("A query over {@code $L $L}: lazy, paged (up to $L records per request). The API"
            + " answers each page with a bare array, so paging sends {@code page} and {@code pageSize}"
            + " and stops at the first page with fewer than {@code pageSize} records (or an empty"
            + " one); a server that repeats a page fails the stream instead of looping. A bare array"
            + " carries no total: {@code count()} and {@code parallelism(k)} cannot use one. Nothing"
            + " is requested until a terminal such as {@code stream()} or {@code page(n)}.\n",
            op.method, op.full, op.maxPageSize)
        .addStatement("return new $T($L)", q, state);
    addMethod(m.build());
    if (reuse) {
      MethodSpec.Builder d = MethodSpec.methodBuilder(b.name).addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(LIST, item)).addAnnotation(Deprecated.class)
          .addParameter(q, "filters")
          .addJavadoc("Every record of {@code $L $L} matching the filters of {@code filters}"
              + " (its paging options are ignored), collected into a list page by page.\n\n"
              + "@deprecated use {@link #$L()}, which takes the same filters and streams with"
              + " bounded memory; this method once returned only the server's first page.\n",
              op.method, op.full, b.name)
          .addStatement("return new $T($L.withParams($T.notNull($S, filters).parameters())).toList()",
              q, state, ARGUMENTS, "filters");
      addMethod(d.build());
    }
  }

  // ---- reads by id ----

  /** Widen a list query so it finds inactive records too, when the endpoint can. */
  CodeBlock widen(Op list) {
    CodeBlock.Builder c = CodeBlock.builder();
    for (Param p : list.filters()) {
      String e = mod.spec.enumRef(p.schema);
      if (e == null) {
        continue;
      }
      if (isActive(e) && p.name.equals("active")) {
        c.add(".active($T.ANY)", ACTIVE);
      } else if (p.name.equals("activeState")) {
        JsonNode values = mod.spec.schema(e).path("enum");
        for (int i = 0; i < values.size(); i++) {
          if (values.get(i).asText().equals("All")) {
            JsonNode labels = mod.spec.schema(e).path("x-enumNames");
            String label = labels.size() > i ? labels.get(i).asText() : "All";
            c.add(".activeState($T.$L)", mod.model(e), Names.constant(label));
          }
        }
      }
    }
    return c.build();
  }

  MethodSpec.Builder getById(Op op, Map<Param, String> jn, TypeName v, TypeName idp) {
    MethodSpec.Builder g = MethodSpec.methodBuilder("getById").addModifiers(Modifier.PUBLIC)
        .returns(v).addJavadoc("Like {@link #findById}, but a missing record is a {@link $T}.\n", NOT_FOUND);
    List<String> args = new ArrayList<>();
    if (op != null) {
      for (int i = 0; i < op.pathParams.size() - 1; i++) {
        Param p = op.pathParams.get(i);
        g.addParameter(pathType(p), jn.get(p));
        args.add(jn.get(p));
      }
    }
    args.add("id");
    return g.addParameter(idp, "id")
        .addStatement("return rt.found(id, findById($L))", String.join(", ", args));
  }

  void writeFind() {
    if (!hasSupport()) {
      return;
    }
    TypeName v = mod.model(r.valueType);
    TypeName idp = idParamType();
    if (r.find != null) {
      Op op = r.find.op;
      Map<Param, String> jn = javaNames(op);
      CodeBlock call = api(op, jn, Map.of(op.pathParams.get(op.pathParams.size() - 1), "id"), null);
      MethodSpec.Builder f = MethodSpec.methodBuilder("findById").addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(OPTIONAL, v))
          .addJavadoc("Reads one record with {@code GET $L}; empty when it does not exist (404)."
              + " Served from the cache when {@code $L} is cached.\n", op.full, r.cacheName());
      addLeadingPathParams(f, op, jn);
      f.addParameter(idp, "id");
      f.addStatement("return rt.find(id, () -> $L)", call);
      addMethod(f.build());
      addMethod(getById(op, jn, v, idp).build());
      writeFindWithOptions(op, jn, v, idp);
    } else if (r.query != null && !r.findKind.equals("NONE")) {
      Op list = r.query.op;
      MethodSpec.Builder f = MethodSpec.methodBuilder("findById").addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(OPTIONAL, v)).addParameter(idp, "id");
      if (r.findKind.equals("IDS")) {
        f.addJavadoc("Reads one record through the list ({@code GET $L?ids=...}; the API has no"
            + " read-by-id endpoint), including inactive records where the list can filter on"
            + " that. Empty when it does not exist; cached when {@code $L} is cached.\n",
            list.full, r.cacheName());
        f.addStatement("return rt.findVia(id, () -> query()$L.ids($T.of(id)).first())", widen(list), LIST);
      } else {
        f.addJavadoc("Finds one record by scanning the list {@code GET $L} (the API has neither a"
            + " read-by-id endpoint nor an {@code ids} filter here; meant for small reference"
            + " data). Cached when {@code $L} is cached.\n", list.full, r.cacheName());
        f.addStatement("return rt.scan(id, () -> query()$L)", widen(list));
      }
      addMethod(f.build());
      addMethod(getById(null, Map.of(), v, idp).build());
    }
    if (mod.readable(r) && !idp.equals(r.idType)) {
      // The contract's boxed-id method: callers with a Long (or Integer) get the same read.
      addMethod(MethodSpec.methodBuilder("findById").addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC).returns(ParameterizedTypeName.get(OPTIONAL, v))
          .addParameter(r.idType, "id").addStatement("return findById($T.id(id))", ARGUMENTS).build());
    }
    if (r.findAllById) {
      Op list = r.query.op;
      addMethod(MethodSpec.methodBuilder("findAllById").addModifiers(Modifier.PUBLIC)
          .addAnnotation(Override.class)
          .returns(ParameterizedTypeName.get(LIST, v))
          .addParameter(ParameterizedTypeName.get(COLLECTION, r.idType), "ids")
          .addJavadoc("Reads many records through {@code GET $L?ids=...}, 50 ids per request;"
              + " input order kept, duplicates read once, missing ids left out.\n", list.full)
          .addStatement("return rt.findAll(ids, batch -> query()$L.ids(batch))", widen(list)).build());
      addMethod(MethodSpec.methodBuilder("findAllById").addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(LIST, v))
          .addParameter(com.palantir.javapoet.ArrayTypeName.of(r.idType), "ids").varargs()
          .addJavadoc("{@link #findAllById(Collection)} for ids written out: {@code findAllById(1L, 2L)}.\n")
          .addStatement("return findAllById($T.list($S, ids))", ARGUMENTS, "ids").build());
    }
  }

  /**
   * Overloads of {@code findById}/{@code getById} taking the read's own query parameters (such
   * as {@code externalDataApplicationGuid} of {@code BusinessUnits_Get}), so none is
   * unreachable. They bypass the cache: the answer depends on those parameters.
   */
  void writeFindWithOptions(Op op, Map<Param, String> jn, TypeName v, TypeName idp) {
    List<Param> options = new ArrayList<>();
    for (Param p : wireQuery(op)) {
      if (!PAGING_RESERVED.contains(p.name)) {
        options.add(p);
      }
    }
    if (options.isEmpty()) {
      return;
    }
    CodeBlock.Builder doc = CodeBlock.builder();
    for (Param p : options) {
      String d = p.description == null ? "" : p.description.replace("\\", "").strip();
      doc.add("<p>{@code $L} (required here) is sent as the query parameter {@code $L}$L\n",
          jn.get(p), p.name, d.isEmpty() ? "." : ": " + d.replaceAll("\\s+", " "));
    }
    CodeBlock call = api(op, jn, Map.of(op.pathParams.get(op.pathParams.size() - 1), "id"),
        queryOf(options, jn));
    MethodSpec.Builder m = MethodSpec.methodBuilder("findById").addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(OPTIONAL, v))
        .addJavadoc("Reads one record with {@code GET $L} and these query parameters; empty when it"
            + " does not exist (404). Never served from or stored in the cache, because the"
            + " answer depends on the parameters; {@link #findById($T)} reads without them.\n\n",
            op.full, idp);
    m.addJavadoc(doc.build());
    addLeadingPathParams(m, op, jn);
    m.addParameter(idp, "id");
    List<String> args = new ArrayList<>();
    for (int i = 0; i < op.pathParams.size() - 1; i++) {
      args.add(jn.get(op.pathParams.get(i)));
    }
    args.add("id");
    for (Param p : options) {
      m.addParameter(queryJavaType(p, false), jn.get(p));
      m.addStatement("$T.notNull($S, $L)", ARGUMENTS, jn.get(p), jn.get(p));
      args.add(jn.get(p));
    }
    m.addStatement("return rt.findUncached(id, () -> $L)", call);
    addMethod(m.build());
    MethodSpec.Builder g = MethodSpec.methodBuilder("getById").addModifiers(Modifier.PUBLIC)
        .returns(v).addJavadoc("Like {@link #findById($T)} with the same parameters, but a missing"
            + " record is a {@link $T}.\n", idp, NOT_FOUND);
    addLeadingPathParams(g, op, jn);
    g.addParameter(idp, "id");
    for (Param p : options) {
      g.addParameter(queryJavaType(p, false), jn.get(p));
    }
    g.addStatement("return rt.found(id, findById($L))", String.join(", ", args));
    addMethod(g.build());
  }

  /** {@code Arguments.query("name", value, ...)} of these query parameters. */
  CodeBlock queryOf(List<Param> params, Map<Param, String> jn) {
    CodeBlock.Builder c = CodeBlock.builder().add("$T.query(", ARGUMENTS);
    for (int i = 0; i < params.size(); i++) {
      c.add("$L$S, $L", i == 0 ? "" : ", ", params.get(i).name, jn.get(params.get(i)));
    }
    return c.add(")").build();
  }

  void addLeadingPathParams(MethodSpec.Builder m, Op op, Map<Param, String> jn) {
    for (int i = 0; i < op.pathParams.size() - 1; i++) {
      Param p = op.pathParams.get(i);
      m.addParameter(pathType(p), jn.get(p));
      check(m, p, jn.get(p));
    }
  }

  void check(MethodSpec.Builder m, Param p, String javaName) {
    TypeName t = pathType(p);
    if (t.equals(TypeName.LONG) || t.equals(TypeName.INT)) {
      m.addStatement("$T.positive($S, $L)", ARGUMENTS, javaName, javaName);
    } else if (t.equals(STRING)) {
      m.addStatement("$T.notBlank($S, $L)", ARGUMENTS, javaName, javaName);
    } else {
      m.addStatement("$T.notNull($S, $L)", ARGUMENTS, javaName, javaName);
    }
  }

  // ---- exports ----

  void writeExport(Bound b) {
    Op op = b.op;
    TypeName feed = ParameterizedTypeName.get(EXPORT_FEED, mod.itemType(op));
    List<Param> extra = exportExtras(op);
    Map<Param, String> jn = javaNames(op);
    boolean contract = b.name.equals("export") && mod.exportable(r) != null;
    MethodSpec.Builder m = MethodSpec.methodBuilder(b.name).addModifiers(Modifier.PUBLIC)
        .returns(feed)
        .addJavadoc("The change feed {@code GET $L} from {@code cursor}: batches while the server"
            + " reports {@code hasMore}; persist {@code feed.cursor().token()} to resume.\n", op.full)
        .addParameter(EXPORT_CURSOR, "cursor");
    if (contract && extra.isEmpty()) {
      m.addAnnotation(Override.class);
    }
    for (Param p : extra) {
      m.addParameter(queryJavaType(p, false), jn.get(p));
    }
    if (extra.isEmpty()) {
      m.addStatement("return rt.export(cursor, $L)", queryCall(op, jn));
    } else {
      m.addStatement("return rt.export(cursor, $L, $L)", queryOf(extra, jn), queryCall(op, jn));
    }
    addMethod(m.build());
    MethodSpec.Builder all = MethodSpec.methodBuilder(b.name).addModifiers(Modifier.PUBLIC)
        .returns(feed).addJavadoc("The change feed {@code GET $L} from the beginning.\n", op.full);
    if (contract) {
      all.addAnnotation(Override.class);
    }
    CodeBlock.Builder a = CodeBlock.builder().add("$T.beginning()", EXPORT_CURSOR);
    for (Param p : extra) {
      a.add(", null");
    }
    all.addStatement("return $L($L)", b.name, a.build());
    addMethod(all.build());
    if (!extra.isEmpty()) {
      MethodSpec.Builder c = MethodSpec.methodBuilder(b.name).addModifiers(Modifier.PUBLIC)
          .returns(feed).addParameter(EXPORT_CURSOR, "cursor")
          .addJavadoc("The change feed {@code GET $L} from {@code cursor}, without optional filters.\n",
              op.full);
      CodeBlock.Builder ca = CodeBlock.builder().add("cursor");
      for (Param p : extra) {
        ca.add(", null");
      }
      c.addStatement("return $L($L)", b.name, ca.build());
      if (contract) {
        c.addAnnotation(Override.class);
      }
      addMethod(c.build());
    }
  }

  TypeName queryJavaType(Param p, boolean primitive) {
    String e = mod.spec.enumRef(p.schema);
    if (e != null) {
      return isActive(e) ? ACTIVE : mod.model(e);
    }
    if (p.isArray()) {
      String ie = mod.spec.enumRef(p.schema.path("items"));
      TypeName el = ie != null ? (isActive(ie) ? ACTIVE : mod.model(ie)) : mod.propType(p.schema.path("items"), false, true);
      return ParameterizedTypeName.get(LIST, el);
    }
    if (p.isObjectMap()) {
      return ParameterizedTypeName.get(MAP, STRING, STRING);
    }
    return mod.propType(p.schema, false, !primitive);
  }

  // ---- other calls ----

  /** Path parameter holding this repository's record id in {@code op}, or null. */
  Param affectedId(Bound b) {
    Op op = b.op;
    String[] segs = op.rel.split("/");
    String[] base = b.base.split("/");
    if (segs.length > base.length && segs[base.length].startsWith("{")) {
      String name = segs[base.length].substring(1, segs[base.length].length() - 1);
      for (Param p : op.pathParams) {
        if (p.name.equals(name)) {
          return p;
        }
      }
    }
    return null;
  }

  void writeCall(Bound b) {
    List<Preset> presets = PRESETS.get(b.op.id);
    if (presets == null) {
      writeCall(b, null);
      return;
    }
    if (b.op.body == null || b.op.bodyArray) {
      throw new IllegalStateException(b.op.id + ": a preset needs an object request body");
    }
    for (Preset p : presets) {
      writeCall(b, p);
    }
  }

  /** The builder calls that make {@code preset}'s body from the request type's properties. */
  CodeBlock presetBody(Op op, Preset preset) {
    JsonNode schema = mod.spec.schema(op.body);
    Map<String, String> names = mod.accessorNames(schema);
    CodeBlock.Builder c = CodeBlock.builder().add("$T.builder()", mod.model(op.body));
    Iterator<Map.Entry<String, JsonNode>> it = preset.body.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String jname = names.get(e.getKey());
      if (jname == null) {
        throw new IllegalStateException(op.id + ": preset " + preset.name + " sets " + e.getKey()
            + ", which " + op.body + " does not declare");
      }
      JsonNode v = e.getValue();
      if (v.isBoolean() || v.isNumber()) {
        c.add(".$L($L)", jname, v.asText());
      } else if (v.isTextual()) {
        c.add(".$L($S)", jname, v.asText());
      } else {
        throw new IllegalStateException(op.id + ": preset values are booleans, numbers or strings");
      }
    }
    return c.add(".build()").build();
  }

  void writeCall(Bound b, Preset preset) {
    Op op = b.op;
    Map<Param, String> jn = javaNames(op);
    Param idParam = affectedId(b);
    Map<Param, String> rename = new LinkedHashMap<>();
    boolean mainRole = b.role == Role.UPDATE || b.role == Role.DELETE;
    if (idParam != null && mainRole) {
      rename.put(idParam, "id");
    } else if (idParam != null && idParam.name.equals("id")) {
      rename.put(idParam, Names.lowerFirst(r.entity) + "Id");
    }
    // Arrays answered by an endpoint whose filters are those of the main query: take the query.
    boolean takesQuery = op.kind == Op.Kind.ARRAY && op.method.equals("GET") && r.query != null
        && !op.queryParams.isEmpty() && op.pathParams.isEmpty() && sameFilters(op, r.query.op);
    MethodSpec.Builder m = MethodSpec.methodBuilder(preset == null ? b.name : preset.name)
        .addModifiers(Modifier.PUBLIC);
    TypeName ret = op.kind == Op.Kind.VOID ? TypeName.VOID : op.kind == Op.Kind.LONG ? LONG : mod.callBodyType(op);
    m.returns(ret);
    StringBuilder doc = new StringBuilder();
    doc.append(op.method).append(" {@code ").append(op.full).append("}");
    if (op.kind == Op.Kind.VOID) {
      doc.append("; the API answers without a body");
    } else if (op.kind == Op.Kind.LONG) {
      doc.append("; the API answers with a bare id");
    } else if (op.kind == Op.Kind.ARRAY && op.method.equals("GET")) {
      doc.append("; the API answers with the whole list as one bare array and the operation takes"
          + " no paging parameters, so this one request returns every record");
    } else if (op.kind == Op.Kind.ARRAY) {
      doc.append("; the API answers with a bare array of results (not a list: nothing to page)");
    }
    doc.append(".");
    for (Param p : op.pathParams) {
      String jname = rename.getOrDefault(p, jn.get(p));
      m.addParameter(pathType(p), jname);
      check(m, p, jname);
    }
    CodeBlock query = null;
    if (takesQuery) {
      ClassName q = queryClass(r.query);
      m.addParameter(q, "filters");
      query = CodeBlock.of("$T.notNull($S, filters).parameters()", ARGUMENTS, "filters");
      doc.append(" Filters are taken from {@code filters} (build them with {@code query()});"
          + " its paging options are ignored.");
    } else {
      List<Param> typed = wireQuery(op);
      for (Param p : typed) {
        boolean req = p.required;
        TypeName jt = queryJavaType(p, req);
        m.addParameter(jt, jn.get(p));
        if (req && !jt.isPrimitive()) {
          m.addStatement("$T.notNull($S, $L)", ARGUMENTS, jn.get(p), jn.get(p));
        }
        doc.append(" {@code ").append(jn.get(p)).append("} is query parameter {@code ")
            .append(p.name).append("}").append(req ? " (required)" : " (optional, may be null)")
            .append(".");
      }
      if (!typed.isEmpty()) {
        query = queryOf(typed, jn);
      }
    }
    if (preset != null) {
      m.addStatement("$T request = $L", mod.model(op.body), presetBody(op, preset));
      doc.append(" Always sends the body {@code ").append(preset.body.toString())
          .append("} ({@link ").append(mod.model(op.body).simpleName()).append("}).");
    } else if (op.body != null) {
      String bn = op.bodyArray ? "requests" : "request";
      m.addParameter(mod.bodyType(op), bn);
      m.addStatement("$T.notNull($S, $L)", ARGUMENTS, bn, bn);
      doc.append(" Body: ").append(op.bodyArray ? "a list of " : "").append("{@link ")
          .append(mod.model(op.body).simpleName()).append("}.");
    }
    CodeBlock call = api(op, jn, rename, query);
    boolean write = !op.method.equals("GET");
    CodeBlock run = CodeBlock.of("rt.call(() -> $L)", call);
    if (write && hasSupport()) {
      if (idParam != null && pathType(idParam).box().equals(r.idType)) {
        run = CodeBlock.of("rt.write($L, () -> $L)", rename.getOrDefault(idParam, jn.get(idParam)), call);
        doc.append(" Evicts the record from the cache.");
      } else if (!b.name.startsWith("create")) {
        run = CodeBlock.of("rt.writeAll(() -> $L)", call);
        doc.append(" Evicts every cached {@code ").append(r.cacheName()).append("} record.");
      }
    }
    m.addJavadoc("$L\n", doc.toString());
    if (ret.equals(TypeName.VOID)) {
      m.addStatement("$L", run);
    } else if (op.kind == Op.Kind.ARRAY) {
      m.addStatement("return $T.orEmpty($L)", ARGUMENTS, run);
    } else {
      m.addStatement("return $L", run);
    }
    MethodSpec built = m.build();
    addMethod(built);
    String former = preset == null ? FORMER_NAMES.get(op.id) : null;
    if (former != null) {
      MethodSpec.Builder d = MethodSpec.methodBuilder(former).addModifiers(Modifier.PUBLIC)
          .returns(built.returnType()).addAnnotation(Deprecated.class)
          .addJavadoc("The former name of {@link #$L}.\n\n@deprecated renamed to {@link #$L},"
              + " which says what the operation does.\n", built.name(), built.name());
      List<String> names = new ArrayList<>();
      for (ParameterSpec p : built.parameters()) {
        d.addParameter(p.type(), p.name());
        names.add(p.name());
      }
      d.addStatement((built.returnType().equals(TypeName.VOID) ? "" : "return ") + "$L($L)",
          built.name(), String.join(", ", names));
      addMethod(d.build());
    }
  }

  boolean sameFilters(Op a, Op list) {
    Set<String> la = new TreeSet<>();
    for (Param p : list.filters()) {
      la.add(p.name);
    }
    for (Param p : a.filters()) {
      if (!la.contains(p.name) && !PAGING_RESERVED.contains(p.name)) {
        return false;
      }
    }
    return true;
  }

  void addMethod(MethodSpec m) {
    StringBuilder key = new StringBuilder(m.name()).append('(');
    for (ParameterSpec p : m.parameters()) {
      key.append(p.type()).append(',');
    }
    if (!methodKeys.add(key.toString())) {
      throw new IllegalStateException("duplicate method " + r.repoClass().simpleName() + "." + key
          + "): add an entry to operation-names.properties");
    }
    t.addMethod(m);
  }
}
