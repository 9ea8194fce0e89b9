package dev.titanj.testing;

import dev.titanj.testing.internal.FakeStore;
import dev.titanj.testing.internal.ResourceRegistry;
import dev.titanj.testing.internal.ResourceSpec;
import dev.titanj.testing.internal.Synthesizer;
import dev.titanj.testing.internal.Table;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Registers every GET operation of the generated modules that the curated data does not cover,
 * with a few records synthesized from the operation's response type, so that every list, get
 * and export endpoint of a module answers. It works by reflection only: each module's
 * {@code dev.titanj.<area>.internal.<Area>Operations.ALL} manifest names the operations, and the
 * module's Retrofit interfaces ({@code dev.titanj.<area>.internal.*Api}) give each GET path's
 * return type: {@code PagedResponse<T>} (paged list), {@code ExportResponse<T>} (export feed),
 * {@code List<T>} (bare array) or {@code T} (a record by id, or a single object). Modules that
 * are not on the classpath are skipped.
 */
final class GeneratedResources {
  /** The areas TitanJ generates. */
  static final List<String> AREAS = List.of("crm", "accounting", "settings", "dispatch");
  private static final String PAGED = "dev.titanj.core.spi.PagedResponse";
  private static final String EXPORT = "dev.titanj.core.spi.ExportResponse";

  private GeneratedResources() {}

  /** What was discovered for one collection path. */
  private static final class Found {
    final String module;
    final String path;
    boolean list;
    boolean get;
    boolean export;
    ResourceSpec.Shape shape = ResourceSpec.Shape.PAGED;
    Type type;

    Found(String module, String path) {
      this.module = module;
      this.path = path;
    }
  }

  /** Registers the operations of {@code areas}; returns the number of resources added. */
  static int registerAll(ResourceRegistry registry, FakeStore store, long seed,
      List<String> areas, int recordsPerResource) {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    if (cl == null) {
      cl = GeneratedResources.class.getClassLoader();
    }
    Map<String, Found> found = new LinkedHashMap<>();
    for (String area : areas) {
      List<String> getPaths = manifestGets(cl, area);
      if (getPaths.isEmpty()) {
        continue;
      }
      Map<String, Type> returns = apiReturnTypes(cl, area);
      for (String path : getPaths) {
        Type ret = returns.get(path);
        if (ret != null) {
          classify(registry, found, path, ret);
        }
      }
    }
    Synthesizer synth = new Synthesizer(seed);
    int added = 0;
    long firstId = 90_000_001L;
    for (Found f : found.values()) {
      String key = f.module + "/" + f.path;
      Table existing = store.table(key);
      if (existing == null) {
        Table t = store.table(key, firstId);
        for (int i = 0; i < recordsPerResource; i++) {
          long id = firstId + i;
          Object rec = synth.record(f.type, key, i, id);
          Map<String, Object> json = toRecord(rec, id);
          t.put(id, json, store.nextSeq());
        }
        firstId += 1_000;
      }
      ResourceSpec.Builder b = ResourceSpec.builder(f.module, f.path).list(f.list).get(f.get)
          .export(f.export).shape(f.shape);
      if (Synthesizer.isValueType(f.type)) {
        b.sortBy("Name");
      }
      registry.register(b.build());
      added++;
    }
    return added;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> toRecord(Object rec, long id) {
    if (rec instanceof Map) {
      Map<String, Object> m = (Map<String, Object>) rec;
      m.putIfAbsent("id", id);
      return m;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put(FakeStore.SCALAR, rec); // a bare number or string, served as such
    return m;
  }

  /** Files one GET operation under its collection, unless curated data already answers it. */
  private static void classify(ResourceRegistry registry, Map<String, Found> found, String path,
      Type ret) {
    // path: "<module>/v2/tenant/{tenant}/<rest>"
    int at = path.indexOf("/v2/tenant/{tenant}/");
    if (at <= 0) {
      return;
    }
    String module = path.substring(0, at);
    String rest = path.substring(at + "/v2/tenant/{tenant}/".length());
    Type body = Synthesizer.arg(ret, 0); // Call<body>
    Class<?> raw = Synthesizer.raw(body);
    if (raw == null) {
      return;
    }
    String name = raw.getName();
    if (name.equals(EXPORT)) {
      String collection = rest.startsWith("export/") ? rest.substring("export/".length()) : rest;
      if (registry.spec(module, collection) != null) {
        return; // curated resources keep their own behaviour
      }
      Found f = found(found, registry, module, collection, Synthesizer.arg(body, 0));
      f.export = true;
      return;
    }
    if (name.equals(PAGED)) {
      if (registry.contains(module, rest)) {
        return;
      }
      Found f = found(found, registry, module, rest, Synthesizer.arg(body, 0));
      f.list = true;
      return;
    }
    if (List.class.isAssignableFrom(raw)) {
      if (registry.contains(module, rest)) {
        return;
      }
      Found f = found(found, registry, module, rest, Synthesizer.arg(body, 0));
      f.list = true;
      f.shape = ResourceSpec.Shape.ARRAY;
      return;
    }
    int slash = rest.lastIndexOf('/');
    boolean byId = slash > 0 && rest.substring(slash + 1).startsWith("{");
    if (byId) {
      String collection = rest.substring(0, slash);
      if (registry.spec(module, collection) != null) {
        return;
      }
      Found f = found(found, registry, module, collection, body);
      f.get = true;
      return;
    }
    if (registry.contains(module, rest)) {
      return;
    }
    Found f = found(found, registry, module, rest, body);
    f.list = true;
    f.shape = ResourceSpec.Shape.SINGLE;
  }

  private static Found found(Map<String, Found> found, ResourceRegistry registry, String module,
      String collection, Type type) {
    Found f = found.computeIfAbsent(module + "/" + collection, k -> new Found(module, collection));
    if (f.type == null || !Synthesizer.isValueType(f.type)) {
      f.type = type;
    }
    return f;
  }

  /** GET paths of an area's operation manifest, or empty when the module is absent. */
  private static List<String> manifestGets(ClassLoader cl, String area) {
    String cls = "dev.titanj." + area + ".internal."
        + Character.toUpperCase(area.charAt(0)) + area.substring(1) + "Operations";
    List<String> out = new ArrayList<>();
    try {
      Class<?> c = Class.forName(cls, true, cl);
      Field all = c.getField("ALL");
      for (Object e : (List<?>) all.get(null)) {
        Field m = e.getClass().getField("method");
        Field p = e.getClass().getField("path");
        m.setAccessible(true);
        p.setAccessible(true);
        if ("GET".equals(m.get(e))) {
          out.add(String.valueOf(p.get(e)));
        }
      }
    } catch (ClassNotFoundException e) {
      return List.of();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read the operation manifest " + cls, e);
    }
    return out;
  }

  /** GET path template -> generic return type, over the area's Retrofit interfaces. */
  private static Map<String, Type> apiReturnTypes(ClassLoader cl, String area) {
    Map<String, Type> out = new LinkedHashMap<>();
    String pkg = "dev.titanj." + area + ".internal";
    for (String name : classNames(cl, pkg)) {
      Class<?> c;
      try {
        c = Class.forName(name, false, cl);
      } catch (ClassNotFoundException | LinkageError e) {
        continue;
      }
      if (!c.isInterface()) {
        continue;
      }
      for (Method m : c.getMethods()) {
        retrofit2.http.GET get = m.getAnnotation(retrofit2.http.GET.class);
        if (get != null) {
          out.putIfAbsent(get.value(), m.getGenericReturnType());
        }
      }
    }
    return out;
  }

  /** Top-level class names of a package, from directories and jars on the class path. */
  static List<String> classNames(ClassLoader cl, String pkg) {
    String dir = pkg.replace('.', '/');
    TreeSet<String> names = new TreeSet<>();
    try {
      Enumeration<URL> urls = cl.getResources(dir);
      while (urls.hasMoreElements()) {
        URL url = urls.nextElement();
        if ("file".equals(url.getProtocol())) {
          Path p = Paths.get(url.toURI());
          try (Stream<Path> files = Files.list(p)) {
            files.map(x -> x.getFileName().toString())
                .filter(n -> n.endsWith(".class") && !n.contains("$"))
                .forEach(n -> names.add(pkg + "." + n.substring(0, n.length() - 6)));
          }
        } else if ("jar".equals(url.getProtocol())) {
          JarURLConnection conn = (JarURLConnection) url.openConnection();
          conn.setUseCaches(false);
          try (JarFile jar = conn.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
              String n = entries.nextElement().getName();
              if (n.startsWith(dir + "/") && n.endsWith(".class") && !n.contains("$")
                  && n.indexOf('/', dir.length() + 1) < 0) {
                names.add(n.substring(0, n.length() - 6).replace('/', '.'));
              }
            }
          }
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot list classes of " + pkg, e);
    }
    return new ArrayList<>(names);
  }
}
