package dev.titanj.codegen;

import static dev.titanj.codegen.ModuleModel.raw;
import static dev.titanj.codegen.Types.*;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.titanj.codegen.ModuleModel.Repo;
import dev.titanj.codegen.Spec.Op;
import javax.lang.model.element.Modifier;

/** Writes the module's {@code TitanModule} ({@code CrmModule}): one descriptor per resource. */
final class ModuleEmitter {
  private final ModuleModel mod;

  ModuleEmitter(ModuleModel mod) {
    this.mod = mod;
  }

  /** The {@code Descriptors} factory of an operation's answer shape. */
  static String shapeMethod(Op op) {
    if (op.pagedArray()) {
      return "arrayPage";
    }
    switch (op.kind) {
      case PAGED:
        return "page";
      case EXPORT:
        return "export";
      case ARRAY:
        return "array";
      case OBJECT:
        return "object";
      case LONG:
        return "id";
      default:
        return "none";
    }
  }

  /** The descriptor factory of a repository's operations: {@code OPS}, or {@code OPS_V3}. */
  static String opsField(Repo r) {
    return r.areaBase == null ? "OPS"
        : "OPS_" + Names.constant(r.areaBase.substring(r.areaBase.lastIndexOf('/') + 1));
  }

  /** The module's {@code TitanModule}: one descriptor per resource, found by ServiceLoader. */
  TypeSpec moduleType() {
    TypeSpec.Builder t = TypeSpec.classBuilder(mod.moduleClass()).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(TITAN_MODULE)
        .addJavadoc("The $L module as {@link $T} announces it (through {@code META-INF/services}):"
            + " the descriptor of each resource, generated from {@code $L} and the area's"
            + " customization data.\n", mod.areaClass, TITAN_MODULE, mod.spec.fileName);
    CodeBlock.Builder all = CodeBlock.builder();
    t.addField(FieldSpec.builder(DESCRIPTORS, "OPS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.under($S)", DESCRIPTORS, mod.base + "/tenant/{tenant}/").build());
    // Operations of another API version than the module's (telecom v3): one factory per base.
    java.util.Set<String> otherBases = new java.util.TreeSet<>();
    for (Repo r : mod.repos.values()) {
      if (r.areaBase != null && otherBases.add(r.areaBase)) {
        t.addField(FieldSpec.builder(DESCRIPTORS, opsField(r), Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$T.under($S)", DESCRIPTORS, r.areaBase + "/tenant/{tenant}/").build());
      }
    }
    for (Repo r : mod.repos.values()) {
      TypeName record = mod.recordType(r);
      TypeName id = mod.keyIdType(r);
      CodeBlock.Builder ops = CodeBlock.builder();
      for (int i = 0; i < r.ops.size(); i++) {
        Op op = r.ops.get(i).op;
        TypeName item = op.kind == Op.Kind.LONG ? LONG : op.kind == Op.Kind.VOID || op.type == null
            ? VOID : raw(mod.model(op.type));
        ops.add("$L$L.$L($S, $S, $S, $T.class)", i == 0 ? "" : ",\n", opsField(r), shapeMethod(op), op.id,
            op.method, mod.relativePath(op), item);
      }
      String scope = "tn." + mod.custom.scopePrefix(mod.area) + "." + r.scopeResource.split("\\.")[0].replace("-", "");
      String name = Names.constant(r.accessor);
      t.addField(FieldSpec.builder(ParameterizedTypeName.get(RESOURCE_DESCRIPTOR, record, id), name,
              Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T<>($T.$L, $T.of(\n$>$L$<), $L, $S, $S, st -> $T.of(st).$L())",
              RESOURCE_DESCRIPTOR, ClassName.get(mod.pkg, mod.areaClass), name, LIST, ops.build(),
              mod.custom.isReferenceData(r.resource), scope + ":r", scope + ":w",
              ClassName.get(mod.pkg, mod.areaClass), r.accessor)
          .build());
      all.add("$L$L", all.isEmpty() ? "" : ", ", name);
    }
    t.addMethod(MethodSpec.methodBuilder("area").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(STRING).addStatement("return $S", mod.area).build());
    t.addMethod(MethodSpec.methodBuilder("resources").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(LIST, ParameterizedTypeName.get(RESOURCE_DESCRIPTOR,
            com.palantir.javapoet.WildcardTypeName.subtypeOf(OBJECT),
            com.palantir.javapoet.WildcardTypeName.subtypeOf(OBJECT))))
        .addStatement("return $T.of($L)", LIST, all.build()).build());
    ClassName factory = new AdapterEmitter(mod).factoryName();
    t.addMethod(MethodSpec.methodBuilder("jsonAdapters").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(AdapterEmitter.JSON_ADAPTER.nestedClass("Factory"))
        .addJavadoc("The generated JSON adapters of this module's records and requests ({@link $T}).\n",
            factory)
        .addStatement("return new $T()", factory).build());
    return t.build();
  }
}
