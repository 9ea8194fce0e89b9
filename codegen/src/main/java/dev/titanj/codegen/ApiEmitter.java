package dev.titanj.codegen;

import static dev.titanj.codegen.ModuleModel.javaNames;
import static dev.titanj.codegen.ModuleModel.pathType;
import static dev.titanj.codegen.Types.*;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.titanj.codegen.ModuleModel.Bound;
import dev.titanj.codegen.ModuleModel.Repo;
import dev.titanj.codegen.Spec.Op;
import dev.titanj.codegen.Spec.Param;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/** Writes the Retrofit interface of each repository ({@code <Entity>Api} in {@code .internal}). */
final class ApiEmitter {
  private final ModuleModel mod;

  ApiEmitter(ModuleModel mod) {
    this.mod = mod;
  }

  /**
   * The Retrofit interface of one repository: one method per operation taking the tenant, the
   * path parameters, every query parameter as one {@code @Tag QueryParams} (the runtime appends
   * them to the URL) and the body.
   */
  TypeSpec apiType(Repo r) {
    TypeSpec.Builder t = TypeSpec.interfaceBuilder(r.apiClass()).addModifiers(Modifier.PUBLIC)
        .addJavadoc("Retrofit binding of the {@code $L} operations; used by {@link $T}.\n",
            r.resource, r.repoClass());
    for (Bound b : r.ops) {
      Op op = b.op;
      MethodSpec.Builder m = MethodSpec.methodBuilder(mod.apiMethodName(op))
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .returns(ParameterizedTypeName.get(CALL, mod.callBodyType(op)));
      String path = mod.relativePath(op);
      if (op.method.equals("DELETE") && op.body != null) {
        m.addAnnotation(AnnotationSpec.builder(ClassName.get(HTTP, "HTTP"))
            .addMember("method", "$S", "DELETE").addMember("path", "$S", path)
            .addMember("hasBody", "true").build());
      } else {
        m.addAnnotation(AnnotationSpec.builder(ClassName.get(HTTP, op.method.toUpperCase(Locale.ROOT)))
            .addMember("value", "$S", path).build());
      }
      Map<Param, String> jn = javaNames(op);
      for (Param p : op.pathParams) {
        m.addParameter(ParameterSpec.builder(pathType(p), jn.get(p)).addAnnotation(pathAnn(p.name)).build());
      }
      // A paged list always takes the query: paging sends page and pageSize even where the
      // document declares no parameter (pricebook's materials/costtypes).
      if (!op.queryParams.isEmpty() || op.kind == Op.Kind.PAGED) {
        m.addParameter(ParameterSpec.builder(QUERY_PARAMS, "query")
            .addAnnotation(ClassName.get(HTTP, "Tag")).build());
      }
      if (op.body != null) {
        m.addParameter(ParameterSpec.builder(mod.bodyType(op), op.bodyArray ? "requests" : "request")
            .addAnnotation(ClassName.get(HTTP, "Body")).build());
      }
      t.addMethod(m.build());
    }
    return t.build();
  }

  private static AnnotationSpec pathAnn(String name) {
    return AnnotationSpec.builder(ClassName.get(HTTP, "Path")).addMember("value", "$S", name).build();
  }
}
