package dev.titanj.core.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.AccessToken;
import dev.titanj.core.ServiceTitan;
import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What code outside core can reach: the module descriptor exports the user API, the JSON
 * annotations and the runtime for generated modules, and nothing else; a user module that names
 * {@code dev.titanj.core.internal} does not compile; no public method of the client or the runtime
 * hands back a credential.
 */
class ModuleBoundaryTest {
  private static final Path CLASSES = Paths.get("target", "classes");

  @Test
  void moduleDescriptor_exportsUserApiJsonAndSpi_only() throws Exception {
    ModuleDescriptor d = java.lang.module.ModuleFinder.of(CLASSES).find("dev.titanj.core")
        .orElseThrow().descriptor();
    assertThat(d.name()).isEqualTo("dev.titanj.core");
    assertThat(d.exports()).allMatch(e -> !e.isQualified());
    assertThat(d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("dev.titanj.core", "dev.titanj.core.json", "dev.titanj.core.spi");
    assertThat(d.packages()).contains("dev.titanj.core.internal", "dev.titanj.core.internal.cache");
    assertThat(d.opens()).allMatch(o -> o.isQualified() && !o.source().contains("internal"));
    assertThat(d.uses()).contains("dev.titanj.core.spi.TitanModule");
  }

  @Test
  void userModule_cannotReachTheInternalPackage_butCompilesAgainstTheExportedOnes(@TempDir Path out)
      throws Exception {
    List<Diagnostic<? extends JavaFileObject>> blocked = compile(out, "user/Peek.java",
        "package user; public class Peek { Object context = dev.titanj.core.internal.TitanContext.class; }");
    assertThat(blocked).extracting(d -> d.getMessage(Locale.ROOT))
        .anyMatch(m -> m.contains("package dev.titanj.core.internal is not visible")
            || m.contains("does not export dev.titanj.core.internal"));

    List<Diagnostic<? extends JavaFileObject>> allowed = compile(out, "user/Uses.java",
        "package user; public class Uses { Object a = dev.titanj.core.ServiceTitan.class;"
            + " Object b = dev.titanj.core.spi.ModuleRuntime.class;"
            + " Object c = dev.titanj.core.json.TitanRequest.class; }");
    assertThat(allowed).filteredOn(d -> d.getKind() == Diagnostic.Kind.ERROR).isEmpty();
  }

  @Test
  void noPublicMethodOfTheClientOrTheRuntime_returnsACredential() {
    Set<Class<?>> secretCarriers = Set.of(AccessToken.class, okhttp3.OkHttpClient.class,
        okhttp3.Call.Factory.class);
    for (Class<?> type : List.of(ServiceTitan.class, ServiceTitan.Builder.class,
        dev.titanj.core.spi.ModuleRuntime.class, dev.titanj.core.spi.ResourceRuntime.class,
        dev.titanj.core.ResourceCatalog.class, dev.titanj.core.ResourceDescriptor.class)) {
      for (Method m : type.getMethods()) {
        if (!Modifier.isPublic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
          continue;
        }
        assertThat(secretCarriers).as(type.getSimpleName() + "." + m.getName())
            .doesNotContain(m.getReturnType());
        String name = m.getName().toLowerCase(Locale.ROOT);
        if (m.getReturnType() == String.class) {
          assertThat(name).as(type.getSimpleName() + "." + m.getName())
              .doesNotContain("secret").doesNotContain("token").doesNotContain("appkey");
        }
      }
    }
  }

  /** Compiles one class of a module {@code user} that requires core; returns the diagnostics. */
  private static List<Diagnostic<? extends JavaFileObject>> compile(Path out, String file,
      String source) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> modulePath = new ArrayList<>();
    modulePath.add(CLASSES.toAbsolutePath().toString());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String n = Paths.get(entry).getFileName().toString();
      // core's required modules, and no test dependency (those would split packages)
      if (n.matches("(okhttp-jvm|okio-jvm|kotlin-stdlib|retrofit|converter-moshi|moshi|cache-api"
          + "|error_prone_annotations|slf4j-api|ehcache)-[0-9].*\\.jar")) {
        modulePath.add(entry);
      }
    }
    Path dir = Files.createDirectories(out.resolve(file.replace('/', '_')));
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<JavaFileObject> units = List.of(
          source("module-info.java", "module user { requires dev.titanj.core; }"),
          source(file, source));
      javac.getTask(null, fm, diagnostics, List.of("--module-path",
          String.join(File.pathSeparator, modulePath), "-d", dir.toString(), "-proc:none"),
          null, units).call();
    }
    return diagnostics.getDiagnostics();
  }

  private static JavaFileObject source(String path, String text) {
    return new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }
}
