package dev.titanj.codegen;

import static dev.titanj.codegen.Types.*;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Writes the schema test aid ({@code CrmSchemas}): the JSON property names of each record. */
final class SchemasEmitter {
  private final ModuleModel mod;

  SchemasEmitter(ModuleModel mod) {
    this.mod = mod;
  }

  TypeSpec schemasType() {
    ClassName self = ClassName.get(mod.internalPkg, mod.areaClass + "Schemas");
    TypeName mapType = ParameterizedTypeName.get(MAP, ParameterizedTypeName.get(ClassName.get(Class.class),
        com.palantir.javapoet.WildcardTypeName.subtypeOf(OBJECT)), ParameterizedTypeName.get(LIST, STRING));
    TypeSpec.Builder t = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("The JSON property names each generated record declares, by record type, for"
            + " tests that check encoding and decoding against the API description.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (boolean resp : new boolean[] {true, false}) {
      Set<String> set = resp ? mod.responseTypes : mod.requestTypes;
      CodeBlock.Builder c = CodeBlock.builder().add("$T.ofEntries(\n", MAP).indent();
      List<String> objs = new ArrayList<>();
      for (String s : set) {
        if (!mod.spec.schema(s).has("enum") && mod.isLead(s)) {
          objs.add(s);
        }
      }
      objs.sort(java.util.Comparator.comparing(s -> mod.typeNames.get(s)));
      for (int i = 0; i < objs.size(); i++) {
        String s = objs.get(i);
        List<String> names = new ArrayList<>();
        mod.shapes.nodes.get(s).path("properties").fieldNames().forEachRemaining(names::add);
        c.add("$T.entry($T.class, $T.of($L))$L\n", MAP, mod.model(s), LIST,
            CodeBlock.join(names.stream().map(n -> CodeBlock.of("$S", n))
                .collect(java.util.stream.Collectors.toList()), ", "),
            i + 1 < objs.size() ? "," : "");
      }
      c.unindent().add(")");
      t.addField(FieldSpec.builder(mapType, resp ? "RESPONSE_FIELDS" : "REQUEST_FIELDS",
              Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc(resp ? "Records read from responses.\n" : "Records only sent as request bodies.\n")
          .initializer(c.build()).build());
    }
    return t.build();
  }
}
