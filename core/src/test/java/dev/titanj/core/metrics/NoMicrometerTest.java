package dev.titanj.core.metrics;

import static dev.titanj.core.support.FakeServiceTitanServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.support.FakeServiceTitanServer;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.JarFile;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is an optional dependency: a client without metrics must build and work in a class
 * loader that cannot see Micrometer at all (a NoClassDefFoundError would fail the call).
 */
class NoMicrometerTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  @Test
  void aClientWithoutMetrics_worksWithoutMicrometerOnTheClassPath() throws Exception {
    FakeServiceTitanServer fake = new FakeServiceTitanServer();
    fake.enqueue(json(200, "{\"id\":7}"));
    server.setDispatcher(fake);

    List<URL> urls = new ArrayList<>();
    for (Path p : classPath()) {
      if (!p.toString().contains("micrometer")) {
        urls.add(p.toUri().toURL());
      }
    }
    assertThat(urls).anyMatch(u -> u.toString().contains("okhttp"));
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader())) {
      @SuppressWarnings("unchecked")
      Function<String, String> probe = (Function<String, String>) loader
          .loadClass(NoMicrometerProbe.class.getName()).getDeclaredConstructor().newInstance();
      assertThat(probe.getClass().getClassLoader()).isSameAs(loader);

      String result = probe.apply(server.url("/").toString());

      assertThat(result).startsWith("ok 7.0 1 ");
    }
  }

  /** The test class path, expanding a manifest-only jar (how Surefire may launch tests). */
  private static Set<Path> classPath() throws Exception {
    Set<Path> out = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path p = Path.of(entry).toAbsolutePath();
      out.add(p);
      if (p.toString().endsWith(".jar") && p.toFile().isFile()) {
        try (JarFile jar = new JarFile(p.toFile())) {
          String cp = jar.getManifest() == null ? null
              : jar.getManifest().getMainAttributes().getValue("Class-Path");
          if (cp != null) {
            for (String rel : cp.trim().split("\\s+")) {
              out.add(Path.of(p.getParent().toUri().resolve(rel)));
            }
          }
        }
      }
    }
    return out;
  }
}
