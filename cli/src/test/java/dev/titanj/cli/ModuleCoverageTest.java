package dev.titanj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.titanj.cli.internal.ResourceDescriptor;
import dev.titanj.cli.internal.ResourceRegistry;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.ListQuery;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every list operation and export feed of every public repository class of the four modules is
 * reachable from the command line: found by listing the module's classes independently of the
 * registry's walk from the entry points.
 */
class ModuleCoverageTest {

  @Test
  void everyRepositoryListAndExportMethod_isAQueryableOrExportableResource() throws Exception {
    ResourceRegistry registry = ResourceRegistry.modules();
    assumeTrue(registry.missingAreas().isEmpty(), "the four modules are on the class path");
    Set<Method> reachable = new HashSet<>();
    registry.all().forEach(d -> reachable.addAll(d.methods()));

    List<String> missing = new ArrayList<>();
    int operations = 0;
    for (String entry : List.of("dev.titanj.crm.Crm", "dev.titanj.accounting.Accounting",
        "dev.titanj.settings.Settings", "dev.titanj.dispatch.Dispatch")) {
      Class<?> entryClass = Class.forName(entry);
      for (Class<?> repo : publicClassesOf(entryClass)) {
        if (!repo.getSimpleName().endsWith("Repository")) {
          continue;
        }
        for (Method m : repo.getMethods()) {
          boolean list = ListQuery.class.isAssignableFrom(m.getReturnType());
          boolean export = ExportFeed.class.isAssignableFrom(m.getReturnType())
              && m.getParameterCount() == 1 && m.getParameterTypes()[0] == ExportCursor.class;
          if (Modifier.isStatic(m.getModifiers()) || !(list || export)) {
            continue;
          }
          operations++;
          if (!reachable.contains(m)) {
            missing.add(repo.getSimpleName() + "." + m.getName());
          }
        }
      }
    }
    assertThat(operations).isGreaterThan(40);
    assertThat(missing).isEmpty();
  }

  @Test
  void everyResourceWithAListOperation_hasDescribableFilters() {
    ResourceRegistry registry = ResourceRegistry.modules();
    assumeTrue(registry.missingAreas().isEmpty(), "the four modules are on the class path");

    for (ResourceDescriptor d : registry.all()) {
      if (d.canList()) {
        assertThat(d.binder().describeFilters()).as(d.label()).isNotNull();
      }
    }
    assertThat(registry.resolve("crm", "customers").binder().describeFilters())
        .containsKeys("active", "modifiedOnOrAfter", "name", "ids");
    assertThat(registry.resolve("crm", "customers").binder().sortFields()).contains("ModifiedOn");
  }

  /** Public top-level classes in the entry class's package, read from its jar or directory. */
  private static List<Class<?>> publicClassesOf(Class<?> entry) throws IOException, URISyntaxException {
    Path location = Paths.get(entry.getProtectionDomain().getCodeSource().getLocation().toURI());
    String pkg = entry.getPackageName().replace('.', '/') + "/";
    List<String> names;
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.list(location.resolve(pkg))) {
        names = files.map(p -> pkg + p.getFileName()).collect(Collectors.toList());
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        names = jar.stream().map(e -> e.getName()).collect(Collectors.toList());
      }
    }
    List<Class<?>> out = new ArrayList<>();
    for (String n : names) {
      if (n.startsWith(pkg) && n.endsWith(".class") && !n.substring(pkg.length()).contains("/")
          && !n.contains("$")) {
        try {
          Class<?> c = Class.forName(n.substring(0, n.length() - 6).replace('/', '.'));
          if (Modifier.isPublic(c.getModifiers())) {
            out.add(c);
          }
        } catch (ClassNotFoundException | LinkageError e) {
          // not loadable here: not a repository the CLI can call either
        }
      }
    }
    return out;
  }
}
