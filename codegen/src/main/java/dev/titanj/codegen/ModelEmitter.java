package dev.titanj.codegen;

import static dev.titanj.codegen.ModuleModel.idType;
import static dev.titanj.codegen.ModuleModel.isMoneyString;
import static dev.titanj.codegen.ModuleModel.raw;
import static dev.titanj.codegen.Types.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.titanj.codegen.Spec.Op;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/** Writes the value types (immutable records) and enums of a module's model package. */
final class ModelEmitter {
  private final ModuleModel mod;

  ModelEmitter(ModuleModel mod) {
    this.mod = mod;
  }

  TypeSpec enumType(String schema, JsonNode node) {
    ClassName self = mod.model(schema);
    TypeSpec.Builder t = TypeSpec.enumBuilder(self).addModifiers(Modifier.PUBLIC)
        .addSuperinterface(WIRE_ENUM)
        .addJavadoc("Values of {@code $L} ($L wire values); unknown values read as {@link #UNKNOWN}.\n",
            schema, node.path("type").asText("string"));
    List<String> wires = new ArrayList<>();
    node.path("enum").forEach(v -> wires.add(v.asText()));
    List<String> labels = new ArrayList<>();
    node.path("x-enumNames").forEach(v -> labels.add(v.asText()));
    Set<String> constants = new LinkedHashSet<>();
    for (int i = 0; i < wires.size(); i++) {
      String label = i < labels.size() ? labels.get(i) : wires.get(i);
      String c = Names.constant(label);
      if (c.equals("UNKNOWN")) {
        c = "UNKNOWN_VALUE";
      }
      String base = c;
      for (int n = 2; constants.contains(c); n++) {
        c = base + "_" + n;
      }
      constants.add(c);
      t.addEnumConstant(c, TypeSpec.anonymousClassBuilder("$S", wires.get(i))
          .addJavadoc("Wire value {@code $L}.\n", wires.get(i)).build());
    }
    t.addEnumConstant("UNKNOWN", TypeSpec.anonymousClassBuilder("$S", "")
        .addJavadoc("A value this SDK does not know; never sent.\n").build());
    t.addField(STRING, "wireValue", Modifier.PRIVATE, Modifier.FINAL);
    t.addMethod(MethodSpec.constructorBuilder().addParameter(STRING, "wireValue")
        .addStatement("this.wireValue = wireValue").build());
    t.addMethod(MethodSpec.methodBuilder("wireValue").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(STRING).addStatement("return wireValue").build());

    return t.build();
  }

  /** A short factual description of a property's wire type. */
  String describe(JsonNode s) {
    String ref = Spec.refName(s);
    if (ref != null) {
      return (mod.spec.isEnum(ref) ? "enum " : "object ") + "{@link " + mod.model(ref).simpleName() + "}";
    }
    String type = s.path("type").asText("any");
    String format = s.path("format").asText("");
    switch (type) {
      case "array":
        return "list of " + describe(s.path("items"));
      case "object":
        JsonNode ap = s.get("additionalProperties");
        return ap != null && ap.isObject() && !ap.isEmpty() ? "map of string to " + describe(ap) : "JSON object";
      case "string":
        switch (format) {
          case "date-time":
            return "ISO-8601 date-time";
          case "date":
            return "ISO-8601 date";
          case "duration":
            return "TimeSpan string such as {@code 02:00:00}";
          case "guid":
          case "uuid":
            return "GUID";
          case "password":
            return "secret string (hidden from toString)";
          case "":
            return "string";
          default:
            return "string (" + format + ")";
        }
      case "number":
        return format.equals("double") ? "double" : "decimal (string or number on the wire)";
      default:
        return format.isEmpty() ? type : type + " (" + format + ")";
    }
  }

  private static String limits(JsonNode s) {
    List<String> out = new ArrayList<>();
    if (s.has("maxLength")) {
      out.add("at most " + s.get("maxLength").asInt() + " characters");
    }
    if (s.has("minLength") && s.get("minLength").asInt() > 0) {
      out.add("at least " + s.get("minLength").asInt() + " characters");
    }
    if (s.has("minimum")) {
      out.add("minimum " + s.get("minimum").asText());
    }
    if (s.has("maximum")) {
      out.add("maximum " + s.get("maximum").asText());
    }
    if (s.has("maxItems")) {
      out.add("at most " + s.get("maxItems").asInt() + " items");
    }
    return out.isEmpty() ? "" : "; " + String.join(", ", out);
  }

  private static final Map<String, Customization.Target> TARGETS = Customization.referenceTargets();

  /**
   * One {@code Reference} constant per field that points at a resource ({@code customerId},
   * {@code technicianIds}, a nested {@code customer: {id, ...}}), where the target's area is this
   * one or one the customization allows.
   */
  /** A field of a response record that points at a resource: one {@code Reference} constant. */
  record Forward(String stem, String constant, String wire, boolean many, CodeBlock ids,
      Customization.Target target) {}

  /**
   * The fields of a response record that point at a resource ({@code customerId},
   * {@code technicianIds}, a nested {@code customer: {id, ...}}), where the target's area is this
   * one or one the customization allows: one {@link Forward} per constant.
   */
  List<Forward> forwardReferences(ClassName self, JsonNode node, Map<String, String> names) {
    List<Forward> out = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    for (Map.Entry<String, String> e : names.entrySet()) {
      String wire = e.getKey();
      String jname = e.getValue();
      JsonNode ps = node.path("properties").get(wire);
      if (wire.equals("id") || ps == null) {
        continue;
      }
      String stem;
      boolean many = false;
      CodeBlock ids;
      String nested = Spec.refName(ps);
      if (wire.endsWith("Ids") && "array".equals(ps.path("type").asText())
          && "integer".equals(ps.path("items").path("type").asText())) {
        stem = wire.substring(0, wire.length() - 3);
        many = true;
        ids = ps.path("items").path("format").asText().equals("int32")
            ? CodeBlock.of("x -> x.$L().stream().map($T::longValue).toList()", jname, INTEGER)
            : CodeBlock.of("$T::$L", self, jname);
      } else if (wire.endsWith("Id") && "integer".equals(ps.path("type").asText())) {
        stem = wire.substring(0, wire.length() - 2);
        ids = ps.path("format").asText().equals("int32")
            ? CodeBlock.of("x -> x.$L().map($T::longValue)", jname, INTEGER)
            : CodeBlock.of("$T::$L", self, jname);
      } else if (nested != null && mod.responseTypes.contains(nested)
          && "integer".equals(mod.spec.schema(nested).path("properties").path("id").path("type")
              .asText()) && !mod.spec.schema(nested).path("properties").path("id")
              .path("format").asText().equals("int32")) {
        stem = wire;
        boolean optionalId = mod.spec.schema(nested).path("properties").path("id")
            .path("nullable").asBoolean(false);
        ids = CodeBlock.of("x -> x.$L().$L($T::id)", jname, optionalId ? "flatMap" : "map",
            mod.model(nested));
      } else {
        continue;
      }
      Customization.Target target = TARGETS.get(stem);
      if (target == null || !(target.area().equals(mod.area)
          || mod.custom.references.contains(target.area()))) {
        continue;
      }
      String constant = Names.constant(stem) + (many ? "S" : "");
      if (done.add(constant)) {
        out.add(new Forward(stem, constant, wire, many, ids, target));
      }
    }
    return out;
  }

  /** One {@code Reference} constant per {@link #forwardReferences}; returns the constants' names. */
  Set<String> addReferences(TypeSpec.Builder t, ClassName self, JsonNode node,
      Map<String, String> names) {
    Set<String> done = new LinkedHashSet<>();
    for (Forward f : forwardReferences(self, node, names)) {
      done.add(f.constant());
      ClassName targetType = ClassName.bestGuess(f.target().recordType());
      String artifact = "titanj-" + f.target().area();
      t.addField(FieldSpec.builder(ParameterizedTypeName.get(REFERENCE, self, LONG, targetType),
              f.constant(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("JSON {@code $L} points at $L in {@code $L} ({@code $L}); load "
              + (f.many() ? "them" : "it") + " in batches through a {@code TitanSession}.\n",
              f.wire(), f.many() ? "records" : "a record", f.target().resource(), artifact)
          .initializer("$T.$L($T.class, $S, $S, $T.class, $S, $L)", REFERENCE,
              f.many() ? "many" : "one", self, f.wire(), f.target().resource(), LONG, artifact,
              f.ids())
          .build());
    }
    return done;
  }

  /**
   * One {@code Reverse} constant on record type {@code self} per queryable resource of this
   * module whose list filters by the id of a {@code self} record: a filter named after a stem of
   * {@code references.properties} whose resource's record type is {@code self}
   * ({@code customerId} or {@code customerIds} on {@code crm.locations}, for {@code Customer}),
   * on a resource whose records have the forward reference of that stem
   * ({@code Location.CUSTOMER}), which groups the results back. A filter of ids wins over a
   * filter of one id of the same stem. Only this module's resources: the constant's lambda calls
   * the source's typed query, so the target's module must see the source's, and a source in
   * another module already depends on this one for its forward reference.
   */
  void addReverses(TypeSpec.Builder t, ClassName self, Set<String> taken) {
    QueryEmitter queries = new QueryEmitter(mod, null);
    ClassName entry = ClassName.get(mod.pkg, mod.areaClass);
    for (Map.Entry<String, Customization.Target> e : TARGETS.entrySet()) {
      String stem = e.getKey();
      Customization.Target target = e.getValue();
      if (!target.area().equals(mod.area) || !target.recordType().equals(self.canonicalName())) {
        continue;
      }
      for (ModuleModel.Repo r : mod.repos.values()) {
        if (!mod.queryable(r) || !"query".equals(r.query.name)) {
          continue;
        }
        Spec.Param single = null;
        Spec.Param list = null;
        for (Spec.Param p : r.query.op.filters()) {
          if (p.name.equals(stem + "Id") && !p.isArray() && p.type().equals("integer")) {
            single = p;
          } else if (p.name.equals(stem + "Ids") && (p.isArray()
              ? "integer".equals(p.schema.path("items").path("type").asText())
              : p.type().equals("string"))) {
            list = p;
          }
        }
        Spec.Param p = list != null ? list : single;
        if (p == null) {
          continue;
        }
        String lead = mod.shapes.leadOf.getOrDefault(r.valueType, r.valueType);
        JsonNode node = mod.shapes.nodes.getOrDefault(lead, mod.spec.schema(lead));
        ClassName source = mod.model(r.valueType);
        Forward forward = forwardReferences(source, node, mod.accessorNames(node)).stream()
            .filter(f -> f.stem().equals(stem)).findFirst().orElse(null);
        if (forward == null) {
          continue;
        }
        String method = queries.methodName(p);
        long sameName = r.query.op.filters().stream()
            .filter(x -> queries.methodName(x).equals(method)).count();
        if (sameName != 1) {
          continue; // the filter's method took a numbered name: not worth guessing
        }
        String constant = Names.constant(r.accessor);
        if (!taken.add(constant)) {
          constant = constant + "_BY_" + Names.constant(p.name);
          if (!taken.add(constant)) {
            continue;
          }
        }
        boolean byIds = p == list;
        boolean int32 = byIds ? (p.isArray()
            && "int32".equals(p.schema.path("items").path("format").asText()))
            : "int32".equals(p.format());
        CodeBlock arg = byIds
            ? (int32 ? CodeBlock.of("ids.stream().map($T::toIntExact).toList()", Math.class)
                : CodeBlock.of("ids"))
            : (int32 ? CodeBlock.of("$T.toIntExact(id)", Math.class) : CodeBlock.of("id"));
        t.addField(FieldSpec.builder(ParameterizedTypeName.get(REVERSE, self, LONG, source),
                constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The {@code $L} records that point at this one ({@link $T#$L}), read"
                + " through the {@code $L} filter of {@code $L}: "
                + (byIds ? "one query per 50 records" : "one query per record")
                + "; load them for many records at once with {@code TitanSession.loadMany}.\n",
                r.cacheName(), source, forward.constant(), p.name, r.query.op.id)
            .initializer("$T.$L($T.class, $S, $S, $S, $T.$L,\n($L) -> $T.of(st).$L().query().$L($L))",
                REVERSE, byIds ? "byIds" : "byId", self, r.accessor, r.cacheName(), p.name, source,
                forward.constant(), byIds ? "st, ids" : "st, id", entry, r.accessor, method, arg)
            .build());
      }
    }
  }

  /** What the spec says an empty list means, as a Javadoc clause, or nothing. */
  static String emptyListNote(JsonNode ps) {
    String d = ps.path("description").asText("").replace("\\\n", " ").replace('\n', ' ')
        .replaceAll("\\s+", " ").trim();
    for (String sentence : d.split("(?<=\\.)\\s+")) {
      if (sentence.toLowerCase(Locale.ROOT).contains("empty")) {
        sentence = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
        return ": the API says \"" + sentence.replace("*/", "*&#47;").replace("@", "{@literal @}")
            .replace("$", "$$") + "\"";
      }
    }
    return "";
  }

  /** {@code A}, or {@code A} and {@code B} (and so on) for a merged type. */
  private String schemaList(List<String> schemas) {
    List<String> codes = new ArrayList<>();
    for (String s : schemas) {
      codes.add("{@code " + s + "}");
    }
    if (codes.size() == 1) {
      return codes.get(0);
    }
    return String.join(", ", codes.subList(0, codes.size() - 1)) + " and "
        + codes.get(codes.size() - 1);
  }

  /**
   * For a field only some members of a merged type declare: the shorter of "only in" those and
   * "not in" the others; nothing for a field every member declares.
   */
  private String partialNote(List<String> members, List<String> declaring) {
    if (declaring == null) {
      return "";
    }
    List<String> others = new ArrayList<>(members);
    others.removeAll(declaring);
    return declaring.size() <= others.size() ? "; only in " + schemaList(declaring)
        : "; not in " + schemaList(others);
  }

  /**
   * A value type. {@code schema} leads its type; a merged type is generated from the union of its
   * members' schemas (identical shapes have the same fields; a union adds the fields only some
   * members declare, such as an export record's {@code active}).
   */
  /**
   * The {@code @Value.Check} of a request body whose two required date-time fields may span at
   * most {@code range.get(2)} (customization {@code maxRange.<Schema>}).
   */
  private MethodSpec rangeCheck(String schema, JsonNode node, Map<String, String> names,
      List<String> range) {
    String start = range.get(0);
    String end = range.get(1);
    Set<String> required = new LinkedHashSet<>();
    node.path("required").forEach(r -> required.add(r.asText()));
    for (String f : List.of(start, end)) {
      if (!names.containsKey(f) || !required.contains(f)
          || !"date-time".equals(node.path("properties").path(f).path("format").asText())) {
        throw new IllegalStateException(mod.custom.source + ": maxRange." + schema + ": " + f
            + " is not a required date-time field of the schema");
      }
    }
    String s = names.get(start);
    String e = names.get(end);
    return MethodSpec.methodBuilder("checkRange")
        .addAnnotation(ClassName.get("org.immutables.value", "Value", "Check"))
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc("The API accepts at most $L from {@code $L} to {@code $L}: {@code build()} fails"
            + " on a longer or reversed range, before any request.\n", range.get(2), start, end)
        .beginControlFlow("if ($L().isAfter($L()))", s, e)
        .addStatement("throw new $T($S)", IllegalArgumentException.class,
            end + " must not be before " + start)
        .endControlFlow()
        .beginControlFlow("if ($T.between($L(), $L()).compareTo($T.parse($S)) > 0)", DURATION, s, e,
            DURATION, range.get(2))
        .addStatement("throw new $T($S + $T.between($L(), $L()))", IllegalArgumentException.class,
            start + " to " + end + " may span at most " + range.get(2) + ", was ", DURATION, s, e)
        .endControlFlow()
        .build();
  }

  TypeSpec valueType(String schema, JsonNode specNode) {
    JsonNode node = mod.shapes.nodes.getOrDefault(schema, specNode);
    List<String> members = mod.membersOf(schema);
    Map<String, List<String>> partial = mod.shapes.partial.getOrDefault(schema, Map.of());
    ClassName self = mod.model(schema);
    ClassName immutable = ClassName.get(mod.modelPkg, "Immutable" + self.simpleName());
    boolean tolerant = mod.responseTypes.contains(schema);
    Set<String> required = new LinkedHashSet<>();
    node.path("required").forEach(r -> required.add(r.asText()));
    TypeSpec.Builder t = TypeSpec.interfaceBuilder(self).addModifiers(Modifier.PUBLIC)
        .addAnnotation(TITAN_VALUE).addAnnotation(VALUE_IMMUTABLE);
    if (tolerant) {
      t.addJavadoc("Record $L, read from responses. Every field except {@code id} is"
          + " optional and lists and maps default to empty, whatever the API declares required.\n",
          schemaList(members));
    } else {
      t.addSuperinterface(TITAN_REQUEST);
      List<String> req = new ArrayList<>();
      for (String r : required) {
        if (node.path("properties").has(r)) {
          req.add("{@code " + r + "}");
        }
      }
      t.addJavadoc("Request body $L. $L Sent exactly as built: a field that was not set"
          + " is not sent (lists included), {@code clearX()} sends {@code null}.\n",
          schemaList(members),
          req.isEmpty()
          ? "No field is required."
          : "Required: " + String.join(", ", req) + "; {@code build()} fails without "
              + (req.size() == 1 ? "it." : "them."));
    }
    TypeSpec.Builder builder = TypeSpec.classBuilder("Builder")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(immutable.nestedClass("Builder"))
        .addJavadoc("Builds a {@link $L}; {@code clearX()} methods send an explicit null.\n",
            self.simpleName());
    Map<String, String> names = mod.accessorNames(node);
    for (Map.Entry<String, String> e : names.entrySet()) {
      String wire = e.getKey();
      String jname = e.getValue();
      JsonNode ps = node.path("properties").get(wire);
      if (isMoneyString(wire, ps)) {
        ps = ((com.fasterxml.jackson.databind.node.ObjectNode) ps.deepCopy()).put("type", "number")
            .put("format", "decimal");
      }
      boolean isList = "array".equals(ps.path("type").asText()) && Spec.refName(ps) == null;
      boolean isMap = "object".equals(ps.path("type").asText()) && Spec.refName(ps) == null
          && ps.has("additionalProperties");
      String enumRef = mod.spec.enumRef(ps);
      String listEnum = isList ? mod.spec.enumRef(ps.path("items")) : null;
      boolean nullable = ps.path("nullable").asBoolean(false);
      boolean clearable = !tolerant && nullable && !required.contains(wire);
      String doc = "JSON {@code " + wire + "}: " + describe(ps) + limits(ps)
          + (!tolerant && required.contains(wire) ? "; required" : "")
          + (!tolerant && (isList || isMap) && !required.contains(wire)
              ? "; not sent unless set (an empty " + (isList ? "list is sent as {@code []}"
                  : "map is sent as <code>{}</code>") + ")" + emptyListNote(ps) : "")
          + (clearable ? "; {@code clear" + Names.upperFirst(jname) + "()} sends null" : "")
          + (tolerant && mod.sharedTypes.contains(schema) && required.contains(wire)
              ? "; required when sent in a request" : "")
          + partialNote(members, partial.get(wire))
          + ".\n";
      boolean plainId = tolerant && wire.equals("id") && !isList && !isMap
          && Spec.refName(ps) == null && idType(ps) != null && !nullable;
      if (tolerant && (enumRef != null || listEnum != null)) {
        boolean list = listEnum != null;
        String en = list ? listEnum : enumRef;
        String raw = jname + (list ? "AsStrings" : "AsString");
        TypeName rawType = list ? ParameterizedTypeName.get(LIST, STRING)
            : ParameterizedTypeName.get(OPTIONAL, STRING);
        t.addMethod(MethodSpec.methodBuilder(raw).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .returns(rawType)
            .addAnnotation(AnnotationSpec.builder(WIRE_NAME).addMember("value", "$S", wire).build())
            .addJavadoc("JSON {@code $L} exactly as sent (values of {@link $T}), so values this SDK"
                + " does not know are kept.\n", wire, mod.model(en)).build());
        MethodSpec.Builder typed = MethodSpec.methodBuilder(jname)
            .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
            .addJavadoc("JSON {@code $L} as {@link $T}; unknown values are {@code UNKNOWN}.\n", wire,
                mod.model(en));
        if (list) {
          typed.returns(ParameterizedTypeName.get(LIST, mod.model(en)))
              .addStatement("return $L().stream().map(s -> $T.fromWire($T.class, s)).collect($T.toList())",
                  raw, WIRE_ENUMS, mod.model(en), COLLECTORS);
        } else {
          typed.returns(ParameterizedTypeName.get(OPTIONAL, mod.model(en)))
              .addStatement("return $L().map(s -> $T.fromWire($T.class, s))", raw, WIRE_ENUMS, mod.model(en));
        }
        t.addMethod(typed.build());
        continue;
      }
      TypeName type;
      if (isList || isMap) {
        type = mod.propType(ps, tolerant, true);
        if (!tolerant && isMap && ps.path("additionalProperties").path("nullable").asBoolean(false)) {
          // Values the API accepts as null: Optional.empty() is sent as null.
          type = ParameterizedTypeName.get(MAP, STRING,
              ParameterizedTypeName.get(OPTIONAL, mod.propType(ps.get("additionalProperties"), false, true)));
        }
      } else if (plainId) {
        type = mod.propType(ps, true, false);
      } else if (!tolerant && required.contains(wire)) {
        type = mod.propType(ps, false, false);
      } else {
        type = ParameterizedTypeName.get(OPTIONAL, mod.propType(ps, tolerant, true));
      }
      MethodSpec.Builder m = MethodSpec.methodBuilder(jname)
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).returns(type).addJavadoc(doc);
      if (!jname.equals(wire)) {
        m.addAnnotation(AnnotationSpec.builder(WIRE_NAME).addMember("value", "$S", wire).build());
      }
      if ("password".equals(ps.path("format").asText())) {
        m.addAnnotation(VALUE_REDACTED);
      }
      if (!tolerant && (isList || isMap) && !required.contains(wire)) {
        m.addAnnotation(NULLABLE);
      }
      if (tolerant && mod.sharedTypes.contains(schema) && required.contains(wire)) {
        m.addAnnotation(REQUIRED_IN_REQUESTS);
      }
      if (clearable) {
        m.addAnnotation(CLEARABLE);
        builder.addMethod(MethodSpec.methodBuilder("clear" + Names.upperFirst(jname))
            .addModifiers(Modifier.PUBLIC).returns(self.nestedClass("Builder"))
            .addJavadoc("Sends {@code \"$L\": null}, clearing the field.\n", wire)
            .addStatement("addExplicitNulls($S)", wire)
            .addStatement("return this").build());
      }
      t.addMethod(m.build());
    }
    if (tolerant) {
      addReverses(t, self, addReferences(t, self, node, names));
    }
    if (!tolerant) {
      String source = mod.changesSource(schema);
      if (source != null && !names.containsValue("changes")) {
        t.addMethod(MethodSpec.methodBuilder("changes")
            .addJavadoc("The request that turns {@code before} into {@code after} (two copies of a record"
                + " read earlier): fields that differ are sent, a field {@code after} no longer has is"
                + " sent as null, nothing else is sent. See {@link $T#changes}.\n", TITAN_REQUEST)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
            .addParameter(mod.model(source), "before").addParameter(mod.model(source), "after")
            .addStatement("return $T.changes($T.class, before, after)", TITAN_REQUEST, self).build());
      }
      for (String member : members) {
        List<String> range = mod.custom.maxRanges.get(member);
        if (range != null) {
          t.addMethod(rangeCheck(member, node, names, range));
        }
      }
      t.addType(builder.build());
      t.addMethod(MethodSpec.methodBuilder("builder")
          .addJavadoc("A builder of {@code $L}.\n", self.simpleName())
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self.nestedClass("Builder"))
          .addStatement("return new Builder()").build());
      return t.build();
    }
    t.addMethod(MethodSpec.methodBuilder("builder")
        .addJavadoc("A builder of {@code $L}.\n", self.simpleName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(immutable.nestedClass("Builder"))
        .addStatement("return $T.builder()", immutable).build());
    return t.build();
  }
}
