package dev.titanj.codegen;

import static dev.titanj.codegen.Types.*;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes one Moshi {@code JsonAdapter} per record and request type ({@code CustomerJsonAdapter},
 * package-private in the module's {@code .internal} package) and the module's factory of them
 * ({@code CrmJsonAdapters}, which the module's {@code TitanModule} hands to {@code TitanJson}).
 *
 * <p>Each adapter is written from the record's own generated interface (its abstract accessors,
 * their types and the {@code @WireName}, {@code @Nullable} and {@code @Clearable} annotations),
 * by the rules of core's reflective {@code ValueTypeAdapter}, which it replaces for generated
 * types: a {@code JsonReader.Options} name table and a switch over it, direct builder calls,
 * {@code String}/{@code Long}/{@code Integer}/{@code Boolean}/{@code Double} read and written
 * through the reader and writer, every other type through a delegate adapter that the
 * constructor asks the {@code Moshi} for once. Failures go through core's
 * {@code RecordAdapters}, so their types, paths and messages are the reflective adapter's.
 */
final class AdapterEmitter {
  static final ClassName MOSHI = ClassName.get("com.squareup.moshi", "Moshi");
  static final ClassName JSON_ADAPTER = ClassName.get("com.squareup.moshi", "JsonAdapter");
  static final ClassName JSON_READER = ClassName.get("com.squareup.moshi", "JsonReader");
  static final ClassName JSON_WRITER = ClassName.get("com.squareup.moshi", "JsonWriter");
  static final ClassName TOKEN = JSON_READER.nestedClass("Token");
  static final ClassName OPTIONS = JSON_READER.nestedClass("Options");
  static final ClassName MOSHI_TYPES = ClassName.get("com.squareup.moshi", "Types");
  static final ClassName RECORD_ADAPTERS = ClassName.get(CORE + ".json", "RecordAdapters");
  static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");
  static final ClassName TYPE = ClassName.get("java.lang.reflect", "Type");
  static final ClassName ANNOTATION = ClassName.get("java.lang.annotation", "Annotation");
  static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
  static final ClassName DOUBLE = ClassName.get(Double.class);

  private final ModuleModel mod;

  AdapterEmitter(ModuleModel mod) {
    this.mod = mod;
  }

  /** The adapter class of record type {@code self}. */
  ClassName adapterName(ClassName self) {
    return ClassName.get(mod.internalPkg, self.simpleName() + "JsonAdapter");
  }

  /** The module's factory of adapters. */
  ClassName factoryName() {
    return ClassName.get(mod.internalPkg, mod.areaClass + "JsonAdapters");
  }

  // ---------------------------------------------------------------------------------------
  // The attributes of a record, as the reflective adapter sees them

  enum Kind { PRIMITIVE, OPTIONAL, PLAIN, LIST, MAP }

  /** One attribute: its accessor, JSON name, type and how it is read and written. */
  static final class Attr {
    final String accessor;
    final String json;
    final TypeName type;
    final Kind kind;
    /** Optional's, list's element or map's value type; the type itself for PLAIN. */
    final TypeName inner;
    final boolean nullable;
    final boolean clearable;
    int bit = -1;

    Attr(String accessor, String json, TypeName type, Kind kind, TypeName inner, boolean nullable,
        boolean clearable) {
      this.accessor = accessor;
      this.json = json;
      this.type = type;
      this.kind = kind;
      this.inner = inner;
      this.nullable = nullable;
      this.clearable = clearable;
    }

    boolean required() {
      return kind == Kind.PRIMITIVE || (kind == Kind.PLAIN && !nullable);
    }

    /** Immutables' attribute (and setter) name: {@code getFoo} is {@code foo}. */
    String attribute() {
      if (accessor.length() > 3 && accessor.startsWith("get")
          && Character.isUpperCase(accessor.charAt(3))) {
        return Character.toLowerCase(accessor.charAt(3)) + accessor.substring(4);
      }
      return accessor;
    }

    String adder() {
      return (kind == Kind.MAP ? "put" : "add") + Names.upperFirst(attribute());
    }

    /** How the reflective adapter names the field in a failure: {@code balance as Optional<BigDecimal>}. */
    String describe() {
      return json + " as " + typeText(type).replace("java.lang.", "").replace("java.util.", "")
          .replace("java.time.", "").replace("java.math.", "");
    }
  }

  /** {@code Type.getTypeName()} of the reflective type of {@code t}. */
  static String typeText(TypeName t) {
    if (t.isPrimitive()) {
      return t.toString();
    }
    if (t instanceof ClassName c) {
      return c.reflectionName();
    }
    if (t instanceof ParameterizedTypeName p) {
      List<String> args = new ArrayList<>();
      p.typeArguments().forEach(a -> args.add(typeText(a)));
      return typeText(p.rawType()) + "<" + String.join(", ", args) + ">";
    }
    throw new IllegalStateException("no JSON adapter rule for type " + t);
  }

  static boolean has(MethodSpec m, ClassName annotation) {
    for (AnnotationSpec a : m.annotations()) {
      if (a.type().equals(annotation)) {
        return true;
      }
    }
    return false;
  }

  static String wireName(MethodSpec m) {
    for (AnnotationSpec a : m.annotations()) {
      if (a.type().equals(WIRE_NAME)) {
        String literal = a.members().get("value").get(0).toString();
        return literal.substring(1, literal.length() - 1).replace("\\\"", "\"")
            .replace("\\\\", "\\");
      }
    }
    return m.name();
  }

  static List<Attr> attributes(TypeSpec record) {
    List<Attr> out = new ArrayList<>();
    int bits = 0;
    for (MethodSpec m : record.methodSpecs()) {
      if (!m.modifiers().contains(Modifier.ABSTRACT) || !m.parameters().isEmpty()) {
        continue;
      }
      TypeName t = m.returnType();
      Kind kind;
      TypeName inner = t;
      boolean nullable = has(m, NULLABLE);
      if (t.isPrimitive()) {
        if (!t.equals(TypeName.LONG) && !t.equals(TypeName.INT) && !t.equals(TypeName.BOOLEAN)
            && !t.equals(TypeName.DOUBLE)) {
          throw new IllegalStateException(record.name() + "." + m.name() + ": primitive " + t);
        }
        kind = Kind.PRIMITIVE;
      } else if (t instanceof ParameterizedTypeName p && p.rawType().equals(OPTIONAL)) {
        kind = Kind.OPTIONAL;
        inner = p.typeArguments().get(0);
        nullable = true;
      } else if (t instanceof ParameterizedTypeName p && p.rawType().equals(LIST)) {
        kind = Kind.LIST;
        inner = p.typeArguments().get(0);
      } else if (t instanceof ParameterizedTypeName p && p.rawType().equals(MAP)) {
        if (!p.typeArguments().get(0).equals(STRING)) {
          throw new IllegalStateException(record.name() + "." + m.name() + ": map keys must be strings");
        }
        kind = Kind.MAP;
        inner = p.typeArguments().get(1);
      } else if (t instanceof ClassName) {
        kind = Kind.PLAIN;
      } else {
        throw new IllegalStateException(record.name() + "." + m.name() + ": no JSON adapter rule for " + t);
      }
      if (inner instanceof WildcardTypeName || inner instanceof ArrayTypeName) {
        throw new IllegalStateException(record.name() + "." + m.name() + ": no JSON adapter rule for " + t);
      }
      Attr a = new Attr(m.name(), wireName(m), t, kind, inner, nullable, has(m, CLEARABLE));
      if (a.required() && bits < 64) {
        a.bit = bits++;
      }
      out.add(a);
    }
    return out;
  }

  /** The JDK types read and written through the reader and writer themselves. */
  static boolean direct(TypeName t) {
    return t.equals(STRING) || t.equals(LONG) || t.equals(INTEGER) || t.equals(BOOLEAN)
        || t.equals(DOUBLE);
  }

  /** The reader call that reads a non-null {@code t}. */
  static String readCall(TypeName t) {
    TypeName u = t.isBoxedPrimitive() ? t.unbox() : t;
    if (u.equals(TypeName.LONG)) {
      return "nextLong";
    }
    if (u.equals(TypeName.INT)) {
      return "nextInt";
    }
    if (u.equals(TypeName.BOOLEAN)) {
      return "nextBoolean";
    }
    if (u.equals(TypeName.DOUBLE)) {
      return "nextDouble";
    }
    return "nextString";
  }

  /** The writer's value argument for {@code expr} of type {@code t}, as Moshi's adapter writes it. */
  static CodeBlock writeArg(TypeName t, String expr) {
    if (t.isBoxedPrimitive()) {
      return CodeBlock.of("$L.$LValue()", expr, t.unbox().toString());
    }
    return CodeBlock.of("$L", expr);
  }

  static boolean isContainer(TypeName t) {
    return t instanceof ParameterizedTypeName p
        && (p.rawType().equals(LIST) || p.rawType().equals(MAP) || p.rawType().equals(SET)
            || p.rawType().equals(COLLECTION));
  }

  static boolean isIterable(TypeName t) {
    return t instanceof ParameterizedTypeName p
        && (p.rawType().equals(LIST) || p.rawType().equals(SET) || p.rawType().equals(COLLECTION));
  }

  /** The expression of the reflective {@code Type} of {@code t}. */
  static CodeBlock typeExpr(TypeName t) {
    if (t instanceof ClassName) {
      return CodeBlock.of("$T.class", t);
    }
    if (t instanceof ParameterizedTypeName p) {
      CodeBlock.Builder b = CodeBlock.builder().add("$T.newParameterizedType($T.class", MOSHI_TYPES,
          p.rawType());
      for (TypeName a : p.typeArguments()) {
        b.add(", $L", typeExpr(a));
      }
      return b.add(")").build();
    }
    throw new IllegalStateException("no JSON adapter rule for type " + t);
  }

  /** A field name for the delegate adapter of {@code t}: {@code instantAdapter}. */
  static String adapterField(TypeName t, String suffix) {
    StringBuilder sb = new StringBuilder();
    name(t, sb);
    return Character.toLowerCase(sb.charAt(0)) + sb.substring(1) + suffix;
  }

  private static void name(TypeName t, StringBuilder sb) {
    if (t instanceof ClassName c) {
      sb.append(c.simpleNames().get(c.simpleNames().size() - 1));
    } else if (t instanceof ParameterizedTypeName p) {
      name(p.rawType(), sb);
      sb.append("Of");
      for (int i = 0; i < p.typeArguments().size(); i++) {
        if (i > 0) {
          sb.append("And");
        }
        name(p.typeArguments().get(i), sb);
      }
    } else {
      sb.append(t.toString());
    }
  }

  // ---------------------------------------------------------------------------------------
  // The adapter of one record

  /** The delegate adapters of one record: field name per type, in first-use order. */
  private static final class Delegates {
    final Map<TypeName, String> fields = new LinkedHashMap<>();
    final Map<TypeName, String> mapFields = new LinkedHashMap<>();

    String of(TypeName t) {
      return fields.computeIfAbsent(t, k -> unique(adapterField(k, "Adapter")));
    }

    String ofMap(TypeName t) {
      return mapFields.computeIfAbsent(t, k -> unique(adapterField(k, "Adapter")));
    }

    private String unique(String base) {
      String n = base;
      for (int i = 2; fields.containsValue(n) || mapFields.containsValue(n); i++) {
        n = base + i;
      }
      return n;
    }
  }

  /** The adapter of record (or request) type {@code self}, from its generated interface. */
  TypeSpec adapterType(ClassName self, TypeSpec record) {
    boolean request = record.superinterfaces().contains(TITAN_REQUEST);
    List<Attr> attrs = attributes(record);
    ClassName adapter = adapterName(self);
    ClassName builderType = request ? self.nestedClass("Builder")
        : ClassName.get(self.packageName(), "Immutable" + self.simpleName()).nestedClass("Builder");
    CodeBlock newBuilder = request ? CodeBlock.of("$T.builder()", self)
        : CodeBlock.of("$T.builder()", ClassName.get(self.packageName(), "Immutable" + self.simpleName()));
    Delegates delegates = new Delegates();

    TypeSpec.Builder t = TypeSpec.classBuilder(adapter).addModifiers(Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(JSON_ADAPTER, self))
        .addJavadoc("Reads and writes {@link $T} without reflection, by the rules of {@code"
            + " TitanJson}'s value types$L.\n", self,
            request ? "; writes exactly the fields that were set, and the explicit nulls" : "");
    t.addField(FieldSpec.builder(STRING, "TYPE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$S", self.simpleName()).build());
    CodeBlock.Builder names = CodeBlock.builder();
    CodeBlock.Builder fields = CodeBlock.builder();
    CodeBlock.Builder required = CodeBlock.builder();
    long mask = 0;
    for (int i = 0; i < attrs.size(); i++) {
      Attr a = attrs.get(i);
      names.add(i == 0 ? "$S" : ",\n$S", a.json);
      fields.add(i == 0 ? "$S" : ",\n$S", a.describe());
      if (a.bit >= 0) {
        required.add(a.bit == 0 ? "$S" : ", $S", a.json);
        mask |= 1L << a.bit;
      }
    }
    t.addField(FieldSpec.builder(OPTIONS, "NAMES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of(\n$>$L$<)", OPTIONS, names.build()).build());
    if (!attrs.isEmpty()) {
      t.addField(FieldSpec.builder(ArrayTypeName.of(STRING), "FIELDS", Modifier.PRIVATE,
              Modifier.STATIC, Modifier.FINAL)
          .initializer("{\n$>$L$<}", fields.build()).build());
    }
    if (mask != 0) {
      t.addField(FieldSpec.builder(ArrayTypeName.of(STRING), "REQUIRED", Modifier.PRIVATE,
              Modifier.STATIC, Modifier.FINAL)
          .initializer("{$L}", required.build()).build());
      t.addField(FieldSpec.builder(TypeName.LONG, "REQUIRED_MASK", Modifier.PRIVATE,
              Modifier.STATIC, Modifier.FINAL)
          .initializer("$LL", mask == -1L ? "-1" : "0x" + Long.toHexString(mask)).build());
    }

    MethodSpec read = readMethod(self, attrs, builderType, newBuilder, delegates, mask, request);
    MethodSpec write = writeMethod(self, attrs, delegates, request);

    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addParameter(MOSHI, "moshi");
    for (Map.Entry<TypeName, String> e : delegates.fields.entrySet()) {
      TypeName type = e.getKey();
      t.addField(FieldSpec.builder(ParameterizedTypeName.get(JSON_ADAPTER, type), e.getValue(),
          Modifier.PRIVATE, Modifier.FINAL).build());
      if (isContainer(type)) {
        ctor.addStatement("this.$L = $T.reading(moshi, $L)", e.getValue(), RECORD_ADAPTERS,
            typeExpr(type));
      } else {
        ctor.addStatement("this.$L = moshi.adapter($L)", e.getValue(), typeExpr(type));
      }
    }
    for (Map.Entry<TypeName, String> e : delegates.mapFields.entrySet()) {
      t.addField(FieldSpec.builder(ParameterizedTypeName.get(JSON_ADAPTER, e.getKey()), e.getValue(),
          Modifier.PRIVATE, Modifier.FINAL).build());
      ctor.addStatement("this.$L = moshi.adapter($L)", e.getValue(), typeExpr(e.getKey()));
    }
    t.addMethod(ctor.build());
    t.addMethod(read);
    t.addMethod(write);
    t.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(STRING)
        .addStatement("return $S", "GeneratedJsonAdapter(" + self.simpleName() + ")").build());
    return t.build();
  }

  private MethodSpec readMethod(ClassName self, List<Attr> attrs, ClassName builderType,
      CodeBlock newBuilder, Delegates delegates, long mask, boolean request) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("fromJson").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(self).addParameter(JSON_READER, "reader")
        .addException(IO_EXCEPTION);
    m.beginControlFlow("if (reader.peek() != $T.BEGIN_OBJECT)", TOKEN)
        .addStatement("return $T.notAnObject(reader, TYPE)", RECORD_ADAPTERS)
        .endControlFlow();
    m.addStatement("$T builder = $L", builderType, newBuilder);
    if (mask != 0) {
      m.addStatement("long seen = 0L");
    }
    m.addStatement("int last = $T.NONE", RECORD_ADAPTERS);
    m.addStatement("reader.beginObject()");
    m.beginControlFlow("while (reader.hasNext())");
    m.addStatement("int field = reader.selectName(NAMES)");
    m.beginControlFlow("if (field < 0)")
        .addStatement("reader.skipName()")
        .addStatement("reader.skipValue()")
        .addStatement("last = $T.SKIPPED", RECORD_ADAPTERS)
        .addStatement("continue")
        .endControlFlow();
    m.addStatement("last = field");
    if (!attrs.isEmpty()) {
      m.beginControlFlow("try");
      m.beginControlFlow("switch (field)");
      for (int i = 0; i < attrs.size(); i++) {
        Attr a = attrs.get(i);
        m.addCode("case $L: // $L\n$>", i, a.json);
        m.addCode(readField(a, delegates, request));
        m.addStatement("break");
        m.addCode("$<");
      }
      m.addCode("default:\n$>").addStatement("break").addCode("$<");
      m.endControlFlow();
      m.nextControlFlow("catch ($T e)", RuntimeException.class)
          .addStatement("throw $T.readFailure(TYPE, FIELDS[field], reader, e)", RECORD_ADAPTERS);
      m.endControlFlow();
    }
    m.endControlFlow();
    if (mask != 0) {
      m.beginControlFlow("if ((seen & REQUIRED_MASK) != REQUIRED_MASK)")
          .addStatement("throw $T.missing(TYPE, reader, NAMES, last, REQUIRED, REQUIRED_MASK & ~seen)",
              RECORD_ADAPTERS)
          .endControlFlow();
    }
    m.addStatement("$T value", self);
    m.beginControlFlow("try")
        .addStatement("value = builder.build()")
        .nextControlFlow("catch ($T | $T e)", IllegalStateException.class,
            IllegalArgumentException.class)
        .addStatement("throw $T.buildFailure(TYPE, reader, NAMES, last, e)", RECORD_ADAPTERS)
        .endControlFlow();
    m.addStatement("reader.endObject()");
    m.addStatement("return value");
    return m.build();
  }

  /** The statements of one case of the read switch. */
  private CodeBlock readField(Attr a, Delegates delegates, boolean request) {
    CodeBlock.Builder c = CodeBlock.builder();
    String seen = a.bit >= 0 ? "seen |= 0x" + Long.toHexString(1L << a.bit) + "L" : null;
    c.beginControlFlow("if (reader.peek() == $T.NULL)", TOKEN).addStatement("reader.nextNull()");
    if (a.clearable && request) {
      c.addStatement("builder.addExplicitNulls($S)", a.json);
    } else if (a.kind == Kind.PLAIN && a.nullable) {
      c.addStatement("builder.$L(null)", a.attribute());
    }
    c.nextControlFlow("else");
    switch (a.kind) {
      case PRIMITIVE:
        c.addStatement("builder.$L(reader.$L())", a.attribute(), readCall(a.type));
        if (seen != null) {
          c.addStatement(seen);
        }
        break;
      case OPTIONAL:
        if (direct(a.inner)) {
          c.addStatement("builder.$L(reader.$L())", a.attribute(), readCall(a.inner));
        } else {
          c.addStatement("builder.$L($L.fromJson(reader))", a.attribute(), delegates.of(a.inner));
        }
        break;
      case PLAIN:
        if (direct(a.inner)) {
          c.addStatement("builder.$L(reader.$L())", a.attribute(), readCall(a.inner));
          if (seen != null) {
            c.addStatement(seen);
          }
        } else if (a.nullable) {
          c.addStatement("builder.$L($L.fromJson(reader))", a.attribute(), delegates.of(a.inner));
        } else {
          c.addStatement("$T v = $L.fromJson(reader)", a.inner, delegates.of(a.inner));
          c.beginControlFlow("if (v != null)").addStatement("builder.$L(v)", a.attribute());
          if (seen != null) {
            c.addStatement(seen);
          }
          c.endControlFlow();
        }
        break;
      case LIST: {
        // A @Nullable list is set as a whole (even when empty), and so is a list of lists (its
        // builder's addX(List) is taken for the Iterable overload, so a repeated name replaces
        // the list); any other one element by element.
        boolean whole = a.nullable || isIterable(a.inner);
        String sink = whole ? "list.add" : "builder." + a.adder();
        if (whole) {
          c.addStatement("$T<$T> list = new $T<>()", LIST, a.inner, ARRAY_LIST);
        }
        c.addStatement("reader.beginArray()");
        c.beginControlFlow("while (reader.hasNext())");
        if (direct(a.inner)) {
          c.beginControlFlow("if (reader.peek() == $T.NULL)", TOKEN).addStatement("reader.nextNull()")
              .nextControlFlow("else").addStatement("$L(reader.$L())", sink, readCall(a.inner))
              .endControlFlow();
        } else {
          c.addStatement("$T e = $L.fromJson(reader)", a.inner, delegates.of(a.inner));
          c.beginControlFlow("if (e != null)").addStatement("$L(e)", sink).endControlFlow();
        }
        c.endControlFlow();
        if (whole) {
          c.addStatement("builder.$L(list)", a.attribute());
        }
        c.addStatement("reader.endArray()");
        break;
      }
      case MAP: {
        String sink = a.nullable ? "map.put" : "builder." + a.adder();
        if (a.nullable) {
          c.addStatement("$T<$T, $T> map = new $T<>()", MAP, STRING, a.inner, LINKED_HASH_MAP);
        }
        c.addStatement("reader.beginObject()");
        c.beginControlFlow("while (reader.hasNext())");
        c.addStatement("$T key = reader.nextName()", STRING);
        c.addStatement("$T e = $L.fromJson(reader)", a.inner, delegates.of(a.inner));
        c.beginControlFlow("if (e != null)").addStatement("$L(key, e)", sink).endControlFlow();
        c.endControlFlow();
        if (a.nullable) {
          c.addStatement("builder.$L(map)", a.attribute());
        }
        c.addStatement("reader.endObject()");
        break;
      }
      default:
        throw new AssertionError(a.kind);
    }
    c.endControlFlow();
    return c.build();
  }

  private MethodSpec writeMethod(ClassName self, List<Attr> attrs, Delegates delegates,
      boolean request) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("toJson").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).addParameter(JSON_WRITER, "writer")
        .addParameter(self, "value").addException(IO_EXCEPTION);
    m.beginControlFlow("if (value == null)").addStatement("writer.nullValue()")
        .addStatement("return").endControlFlow();
    boolean anyClearable = request && attrs.stream().anyMatch(a -> a.clearable);
    if (anyClearable) {
      m.addStatement("$T<$T> nulls = value.explicitNulls()", SET, STRING);
    }
    m.addStatement("writer.beginObject()");
    for (Attr a : attrs) {
      if (anyClearable && a.clearable) {
        m.beginControlFlow("if (nulls.contains($S))", a.json)
            .addStatement("$T.writeNull(writer, $S)", RECORD_ADAPTERS, a.json)
            .nextControlFlow("else").addCode(writeField(a, delegates, false)).endControlFlow();
      } else {
        m.addCode(writeField(a, delegates, true));
      }
    }
    m.addStatement("writer.endObject()");
    return m.build();
  }

  /** Writes one field; {@code scoped}: in a block of its own, for its local variable. */
  private CodeBlock writeField(Attr a, Delegates delegates, boolean scoped) {
    CodeBlock.Builder c = CodeBlock.builder();
    if (scoped && a.kind != Kind.PRIMITIVE) {
      c.beginControlFlow("");
    }
    switch (a.kind) {
      case PRIMITIVE:
        c.addStatement("writer.name($S).value(value.$L())", a.json, a.accessor);
        break;
      case OPTIONAL:
        c.addStatement("$T o = value.$L()", a.type, a.accessor);
        c.beginControlFlow("if (o.isPresent())");
        if (direct(a.inner)) {
          c.addStatement("writer.name($S).value($L)", a.json, writeArg(a.inner, "o.get()"));
        } else {
          c.addStatement("writer.name($S)", a.json);
          c.addStatement("$L.toJson(writer, o.get())", delegates.of(a.inner));
        }
        c.endControlFlow();
        break;
      case PLAIN:
        c.addStatement("$T v = value.$L()", a.type, a.accessor);
        c.beginControlFlow("if (v != null)");
        if (direct(a.inner)) {
          c.addStatement("writer.name($S).value($L)", a.json, writeArg(a.inner, "v"));
        } else {
          c.addStatement("writer.name($S)", a.json);
          c.addStatement("$L.toJson(writer, v)", delegates.of(a.inner));
        }
        c.endControlFlow();
        break;
      case LIST:
        c.addStatement("$T l = value.$L()", a.type, a.accessor);
        if (a.nullable) {
          c.beginControlFlow("if (l != null)");
        }
        c.addStatement("writer.name($S).beginArray()", a.json);
        c.beginControlFlow("for ($T e : l)", a.inner);
        if (direct(a.inner)) {
          c.addStatement("writer.value($L)", writeArg(a.inner, "e"));
        } else {
          c.addStatement("$L.toJson(writer, e)", delegates.of(a.inner));
        }
        c.endControlFlow();
        c.addStatement("writer.endArray()");
        if (a.nullable) {
          c.endControlFlow();
        }
        break;
      case MAP:
        c.addStatement("$T m = value.$L()", a.type, a.accessor);
        c.beginControlFlow("if (m != null)");
        c.addStatement("$T.writeMap(writer, $S, $L, m)", RECORD_ADAPTERS, a.json,
            delegates.ofMap(a.type));
        c.endControlFlow();
        break;
      default:
        throw new AssertionError(a.kind);
    }
    if (scoped && a.kind != Kind.PRIMITIVE) {
      c.endControlFlow();
    }
    return c.build();
  }

  // ---------------------------------------------------------------------------------------
  // The module's factory

  /** The factory of the module's adapters: by class name, so no other class is loaded. */
  TypeSpec factoryType(List<ClassName> records) {
    TypeSpec.Builder t = TypeSpec.classBuilder(factoryName())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(JSON_ADAPTER.nestedClass("Factory"))
        .addJavadoc("The generated JSON adapters of the $L module's records and requests, one per"
            + " type, created when Moshi first asks for the type; {@link $T#jsonAdapters()} hands"
            + " this factory to {@code TitanJson}. Not a user API.\n", mod.areaClass,
            mod.moduleClass());
    MethodSpec.Builder create = MethodSpec.methodBuilder("create").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(JSON_ADAPTER, WildcardTypeName.subtypeOf(OBJECT)))
        .addParameter(TYPE, "type")
        .addParameter(ParameterizedTypeName.get(SET, WildcardTypeName.subtypeOf(ANNOTATION)),
            "annotations")
        .addParameter(MOSHI, "moshi");
    create.beginControlFlow("if (!annotations.isEmpty() || !(type instanceof $T))", Class.class)
        .addStatement("return null").endControlFlow();
    create.addStatement("$T<?> raw = ($T<?>) type", Class.class, Class.class);
    create.beginControlFlow("switch (raw.getName())");
    for (ClassName r : records) {
      ClassName immutable = ClassName.get(r.packageName(), "Immutable" + r.simpleName());
      create.addCode("case $S:\n$>", r.reflectionName())
          .addStatement("return raw == $T.class ? new $T(moshi) : null", r, adapterName(r))
          .addCode("$<");
      create.addCode("case $S:\n$>", immutable.reflectionName())
          .addStatement("return raw == $T.class ? moshi.adapter($T.class) : null", immutable, r)
          .addCode("$<");
    }
    create.addCode("default:\n$>").addStatement("return null").addCode("$<");
    create.endControlFlow();
    t.addMethod(create.build());
    return t.build();
  }

}
