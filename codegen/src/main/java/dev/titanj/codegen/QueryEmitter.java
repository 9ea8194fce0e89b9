package dev.titanj.codegen;

import static dev.titanj.codegen.ModuleModel.isActive;
import static dev.titanj.codegen.Types.*;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.titanj.codegen.ModuleModel.Bound;
import dev.titanj.codegen.Spec.Op;
import dev.titanj.codegen.Spec.Param;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/** Writes the query class of a list operation and the sort enum of its {@code sort} filter. */
final class QueryEmitter {
  /** Names a filter method cannot take (the methods of {@code ListQuery} and Object). */
  static final Set<String> QUERY_RESERVED = Set.of("pageSize", "limit", "prefetch", "parallelism",
      "withParameter", "parameters", "stream", "iterator", "page", "first", "count", "toList",
      "param", "paramList", "idsParam", "instantParam", "enumParam", "sortParam", "queryState",
      "isIdList", "withState", "requireArgument", "requiredParameters", "toString", "hashCode", "equals", "getClass");

  static final Pattern SORT_FIELDS = Pattern.compile(
      "(?:Available fields are|Options)\\s*:\\s*([A-Za-z0-9_ ,]+)");

  /**
   * The sort fields the spec lists for a {@code sort} parameter (its description's
   * "Available fields are: ..." or "Options: ..."); empty when it lists none, and then the query
   * takes a field by name ({@code SortField.named}) instead of inventing constants.
   */
  static List<String> sortFields(Param sort) {
    Matcher m = SORT_FIELDS.matcher(sort.description);
    List<String> out = new ArrayList<>();
    if (m.find()) {
      for (String f : m.group(1).split(",")) {
        String x = f.trim();
        if (!x.isEmpty()) {
          out.add(x);
        }
      }
    }
    return out;
  }

  private final ModuleModel mod;
  private final Sources out;

  QueryEmitter(ModuleModel mod, Sources out) {
    this.mod = mod;
    this.out = out;
  }

  /** The sort enum beside query class {@code q}: {@code CustomerQuery} -> {@code CustomerSort}. */
  ClassName sortClass(ClassName q) {
    String n = q.simpleName();
    return ClassName.get(mod.pkg, n.substring(0, n.length() - "Query".length()) + "Sort");
  }

  /** Writes query class {@code q} of list {@code b}, whose records are {@code item}. */
  void write(Bound b, ClassName q, TypeName item) {
    Op op = b.op;
    TypeSpec.Builder qt = TypeSpec.classBuilder(q).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(LIST_QUERY, item, q))
        .addAnnotation(CHECK_RETURN_VALUE)
        .addJavadoc("Filters of {@code $L $L} ({@code $L}). Immutable: each method returns a new"
            + " query. Page size 1 to $L.\n", op.method, op.full, op.id, op.maxPageSize);
    TypeName stateType = ParameterizedTypeName.get(QUERY_STATE, item);
    qt.addMethod(MethodSpec.constructorBuilder().addParameter(stateType, "state")
        .addStatement("super(state)").build());
    qt.addMethod(MethodSpec.methodBuilder("withState").addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED).returns(q).addParameter(stateType, "state")
        .addStatement("return new $T(state)", q).build());
    Set<String> taken = new LinkedHashSet<>();
    Set<String> inherited = new LinkedHashSet<>();
    for (String kind : List.of("created", "modified")) {
      Param before = op.query(kind + "Before");
      Param after = op.query(kind + "OnOrAfter");
      if (before != null && after != null && before.format().equals("date-time")
          && after.format().equals("date-time") && !before.isArray() && !after.isArray()) {
        qt.addSuperinterface(ParameterizedTypeName.get(
            ClassName.get(CORE, Names.upperFirst(kind) + "Filters"), q));
        inherited.add(before.name);
        inherited.add(after.name);
        taken.add(before.name);
        taken.add(after.name);
      }
    }
    for (Param p : op.filters()) {
      if (inherited.contains(p.name)) {
        continue;
      }
      String name = methodName(p);
      String base = name;
      for (int i = 2; taken.contains(name); i++) {
        name = base + i;
      }
      taken.add(name);
      qt.addMethod(filterMethod(b, q, p, name));
      boolean ids = p.name.equals("ids") && !p.isArray();
      if (ids || (Names.isIdList(p.name) && !p.isArray() && p.type().equals("string"))) {
        TypeName idt = ids && mod.itemId(b.op.type) != null ? mod.itemId(b.op.type) : LONG;
        qt.addMethod(MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(q)
            .addParameter(com.palantir.javapoet.ArrayTypeName.of(idt), "ids").varargs()
            .addJavadoc("{@link #$L(Collection)} with the ids written out: {@code $L(1L, 2L)}.\n",
                name, name)
            .addStatement("return idsParam($S, ids)", p.name).build());
      }
    }
    List<String> required = new ArrayList<>();
    for (Param p : op.filters()) {
      if (p.required && !p.isObjectMap()) {
        required.add(p.name);
      }
    }
    if (!required.isEmpty()) {
      // The API answers 400 without these: the query refuses to run before any request.
      CodeBlock.Builder names = CodeBlock.builder();
      for (int i = 0; i < required.size(); i++) {
        names.add(i == 0 ? "$S" : ", $S", required.get(i));
      }
      qt.addMethod(MethodSpec.methodBuilder("requiredParameters").addAnnotation(Override.class)
          .addModifiers(Modifier.PROTECTED).returns(ParameterizedTypeName.get(LIST, STRING))
          .addJavadoc("The filters the API requires here: $L.\n", String.join(", ", required))
          .addStatement("return $T.of($L)", LIST, names.build()).build());
    }
    out.emit(mod.pkg, qt.build());
  }

  String methodName(Param p) {
    if (p.isObjectMap()) {
      String base = p.name.endsWith(".Fields") ? p.name.substring(0, p.name.length() - 7) : p.name;
      return Names.safe(Names.plural(Names.camel(base)), QUERY_RESERVED);
    }
    return Names.safe(Names.camel(p.name), QUERY_RESERVED);
  }

  MethodSpec filterMethod(Bound b, ClassName q, Param p, String name) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(q);
    String enumRef = mod.spec.enumRef(p.schema);
    String itemEnum = p.isArray() ? mod.spec.enumRef(p.schema.path("items")) : null;
    String fmt = p.format();
    String type = p.type();
    if (p.name.equals("sort") && !p.isArray() && sortFields(p).isEmpty()) {
      m.addParameter(ParameterizedTypeName.get(SORT, SORT_FIELD.nestedClass("Named")), "sort")
          .addJavadoc("Sort order ({@code sort=+Field} or {@code -Field}). The API documents no"
              + " sort fields here, so the field is named:"
              + " {@code sort(SortField.named(\"Name\").ascending())}.\n")
          .addStatement("return sortParam(sort)");
    } else if (p.name.equals("sort") && !p.isArray()) {
      ClassName sort = sortClass(q);
      writeSortEnum(b, sort, p);
      m.addParameter(ParameterizedTypeName.get(SORT, sort), "sort")
          .addJavadoc("Sort order ({@code sort=+Field} or {@code -Field}); fields: {@link $T}.\n", sort)
          .addStatement("return sortParam(sort)");
    } else if (p.isObjectMap()) {
      int max = p.schema.path("maxProperties").asInt(50);
      boolean bracket = p.name.endsWith(".Fields");
      m.addParameter(ParameterizedTypeName.get(MAP, STRING, STRING), "fields")
          .addJavadoc("Filters by custom fields, sent as {@code $L} pairs; at most $L pairs.\n",
              bracket ? p.name + "[name]=value" : p.name + ".name=value", max)
          .addStatement("return mapParam($S, $S, $L, fields)", bracket ? p.name + "[" : p.name + ".",
              bracket ? "]" : "", max);
    } else if (p.name.equals("ids") && !p.isArray()) {
      TypeName idt = mod.itemId(b.op.type) == null ? LONG : mod.itemId(b.op.type);
      m.addParameter(ParameterizedTypeName.get(COLLECTION, idt), "ids")
          .addJavadoc("Only these ids: {@code ids}, comma-separated, 1 to 50 ids.\n")
          .addStatement("return idsParam($S, ids)", "ids");
    } else if (Names.isIdList(p.name) && !p.isArray() && type.equals("string")) {
      m.addParameter(ParameterizedTypeName.get(COLLECTION, LONG), "ids")
          .addJavadoc("Filter {@code $L}: ids sent comma-separated, 1 to 50 ids.\n", p.name)
          .addStatement("return idsParam($S, ids)", p.name);
    } else if (enumRef != null && isActive(enumRef)) {
      m.addParameter(ACTIVE, "active")
          .addJavadoc("Filter {@code $L}: {@code True}, {@code Any} or {@code False}.\n", p.name)
          .addStatement("return enumParam($S, active)", p.name);
    } else if (enumRef != null) {
      m.addParameter(mod.model(enumRef), "value")
          .addJavadoc("Filter {@code $L} ({@link $T}).\n", p.name, mod.model(enumRef))
          .addStatement("return enumParam($S, value)", p.name);
    } else if (p.isArray()) {
      TypeName el = itemEnum != null ? (isActive(itemEnum) ? ACTIVE : mod.model(itemEnum))
          : mod.propType(p.schema.path("items"), false, true);
      m.addParameter(ParameterizedTypeName.get(COLLECTION, el), "values")
          .addJavadoc("Filter {@code $L}: each value is sent as its own {@code $L=} pair;"
              + " $L.\n", p.name, p.name, Names.isIdList(p.name) ? "1 to 50 ids" : "not empty")
          .addStatement("return paramList($S, values)", p.name);
    } else if (type.equals("string") && fmt.equals("date-time")) {
      m.addParameter(INSTANT, "value")
          .addJavadoc("Filter {@code $L}: a date-time, sent in UTC ISO-8601.\n", p.name)
          .addStatement("return instantParam($S, value)", p.name);
    } else if (type.equals("integer")) {
      boolean l = fmt.equals("int64");
      m.addParameter(l ? TypeName.LONG : TypeName.INT, "value")
          .addJavadoc("Filter {@code $L} ($L).\n", p.name, l ? "int64" : "int32")
          .addStatement("return param($S, value)", p.name);
    } else if (type.equals("number") && (fmt.equals("double") || fmt.equals("float"))) {
      m.addParameter(TypeName.DOUBLE, "value").addJavadoc("Filter {@code $L} (double).\n", p.name)
          .addStatement("return param($S, value)", p.name);
    } else if (type.equals("boolean")) {
      m.addParameter(TypeName.BOOLEAN, "value").addJavadoc("Filter {@code $L} (boolean).\n", p.name)
          .addStatement("return param($S, value)", p.name);
    } else {
      // Strings, dates, GUIDs and decimals: null refused, sent in query-string form.
      TypeName jt = type.equals("number") ? BIG_DECIMAL : type.equals("string") && fmt.equals("date")
          ? LOCAL_DATE : type.equals("string") && (fmt.equals("guid") || fmt.equals("uuid")) ? UUID : STRING;
      m.addParameter(jt, "value")
          .addJavadoc("Filter {@code $L} ($L).\n", p.name, jt.equals(LOCAL_DATE) ? "a date, {@code yyyy-MM-dd}"
              : jt.equals(UUID) ? "a GUID" : jt.equals(BIG_DECIMAL) ? "decimal" : "string")
          .addStatement("return textParam($S, value)", p.name);
    }
    return m.build();
  }

  void writeSortEnum(Bound b, ClassName sort, Param p) {
    TypeSpec.Builder e = TypeSpec.enumBuilder(sort).addModifiers(Modifier.PUBLIC)
        .addSuperinterface(ParameterizedTypeName.get(SORT_FIELD, sort))
        .addJavadoc("Fields {@code $L} can sort by.\n", b.op.id);
    Set<String> seen = new LinkedHashSet<>();
    for (String f : sortFields(p)) {
      String c = Names.constant(f);
      if (seen.add(c)) {
        e.addEnumConstant(c, TypeSpec.anonymousClassBuilder("$S", f)
            .addJavadoc("Sorts by {@code $L}.\n", f).build());
      }
    }
    e.addField(STRING, "wireName", Modifier.PRIVATE, Modifier.FINAL);
    e.addMethod(MethodSpec.constructorBuilder().addParameter(STRING, "wireName")
        .addStatement("this.wireName = wireName").build());
    e.addMethod(MethodSpec.methodBuilder("wireName").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(STRING).addStatement("return wireName").build());
    out.emit(mod.pkg, e.build());
  }
}
