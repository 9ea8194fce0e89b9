package dev.titanj.codegen;

import static dev.titanj.codegen.ModuleModel.raw;
import static dev.titanj.codegen.Types.*;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.titanj.codegen.ModuleModel.Repo;
import javax.lang.model.element.Modifier;

/** Writes the module's entry point ({@code Crm}): resource keys and one accessor per repository. */
final class EntryEmitter {
  private final ModuleModel mod;

  EntryEmitter(ModuleModel mod) {
    this.mod = mod;
  }

  TypeSpec entryType() {
    ClassName self = ClassName.get(mod.pkg, mod.areaClass);
    TypeSpec.Builder t = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("The $L API ({@code $L/tenant/{tenant}/...}) of one {@link $T} client: one"
            + " repository per resource, and the key of each resource. Cheap to create;"
            + " thread-safe.\n", mod.areaClass, mod.base, SERVICE_TITAN);
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
        .addParameter(MODULE_RUNTIME, "m");
    for (Repo r : mod.repos.values()) {
      TypeName key = ParameterizedTypeName.get(RESOURCE_KEY, mod.recordType(r), mod.keyIdType(r));
      t.addField(FieldSpec.builder(key, Names.constant(r.accessor), Modifier.PUBLIC, Modifier.STATIC,
              Modifier.FINAL).addJavadoc("The {@code $L} resource.\n", r.cacheName())
          .initializer("$T.of($S, $T.class, $T.class)", RESOURCE_KEY, r.cacheName(),
              raw(mod.recordType(r)), mod.keyIdType(r)).build());
    }
    for (Repo r : mod.repos.values()) {
      t.addField(r.repoClass(), r.accessor, Modifier.PRIVATE, Modifier.FINAL);
      ctor.addStatement("$L = new $T(m)", r.accessor, r.repoClass());
    }
    t.addMethod(ctor.build());
    t.addMethod(MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self).addParameter(SERVICE_TITAN, "serviceTitan")
        .addJavadoc("The $L API of {@code serviceTitan}.\n", mod.areaClass)
        .addStatement("return new $T($T.of(serviceTitan, $S))", self, MODULE_RUNTIME, mod.base).build());
    for (Repo r : mod.repos.values()) {
      t.addMethod(MethodSpec.methodBuilder(r.accessor).addModifiers(Modifier.PUBLIC)
          .returns(r.repoClass())
          .addJavadoc("Repository of {@code $L/tenant/{tenant}/$L}.\n",
              r.areaBase != null ? r.areaBase : mod.base, r.primaryBase)
          .addStatement("return $L", r.accessor).build());
    }
    return t.build();
  }
}
