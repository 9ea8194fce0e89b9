package dev.titanj.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Command line: {@code --spec <file> --module <name> --out <dir> [--report]}. Writes the module's
 * generated sources under {@code <dir>}, deletes generated files (those starting with
 * {@link Generator#MARKER}) of the module's packages that the spec no longer produces, and never
 * touches hand-written files. Prints merged types the customization does not name, and with
 * {@code --report} every merge and rename.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws IOException {
    String spec = null;
    String module = null;
    String out = null;
    String testOut = null;
    boolean report = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--spec":
          spec = v;
          i++;
          break;
        case "--module":
          module = v;
          i++;
          break;
        case "--out":
          out = v;
          i++;
          break;
        case "--test-out":
          testOut = v;
          i++;
          break;
        case "--report":
          report = true;
          break;
        default:
          usage("unknown argument " + a);
      }
    }
    if (spec == null || module == null || out == null) {
      usage("--spec, --module and --out are required");
    }
    Spec s = Spec.read(Paths.get(spec));
    Generator g = new Generator(s, module);
    Map<String, String> all = g.generate();
    Map<String, String> files = new java.util.TreeMap<>();
    Map<String, String> testFiles = new java.util.TreeMap<>();
    all.forEach((path, text) -> {
      if (path.startsWith(Generator.TEST_PREFIX)) {
        testFiles.put(path.substring(Generator.TEST_PREFIX.length()), text);
      } else {
        files.put(path, text);
      }
    });
    Path outDir = Paths.get(out);
    Path testDir = testOut == null || testOut.isBlank() ? testRoot(outDir) : Paths.get(testOut);
    int[] counts = write(outDir, "dev/titanj/" + module, files);
    int[] testCounts = write(testDir, "dev/titanj/" + module, testFiles);
    counts[0] += testCounts[0];
    counts[1] += testCounts[1];
    System.out.println("titanj-codegen: " + s.fileName + " -> " + out + ": " + g.operationCount()
        + " operations, " + files.size() + " files, " + testFiles.size() + " test aids (" + counts[0] + " changed, " + counts[1]
        + " stale removed)");
    for (String line : report ? g.report() : g.warnings()) {
      System.out.println("  " + line);
    }
  }

  /** {@code src/test/java} beside an {@code src/main/java} output, else {@code <out>-test}. */
  static Path testRoot(Path out) {
    Path abs = out.toAbsolutePath().normalize();
    if (abs.endsWith(Paths.get("src", "main", "java"))) {
      return abs.getParent().getParent().resolve("test").resolve("java");
    }
    return abs.resolveSibling(abs.getFileName() + "-test");
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: --spec <openapi.json> --module <crm|accounting|settings|dispatch>"
        + " --out <src/main/java> [--report]   (--report lists every merge and rename)");
    System.exit(2);
  }

  /**
   * Writes {@code files} under {@code root} and removes stale generated files below
   * {@code root/scope}. Returns {changed, removed}.
   */
  public static int[] write(Path root, String scope, Map<String, String> files) throws IOException {
    int changed = 0;
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = root.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
      if (!Files.exists(p) || !java.util.Arrays.equals(Files.readAllBytes(p), bytes)) {
        if (Files.exists(p) && !isGenerated(p)) {
          throw new IOException("refusing to overwrite hand-written file " + p);
        }
        Files.write(p, bytes);
        changed++;
      }
    }
    int removed = 0;
    Path dir = root.resolve(scope);
    if (Files.isDirectory(dir)) {
      List<Path> stale = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".java")).forEach(p -> {
          String rel = root.relativize(p).toString().replace('\\', '/');
          if (!files.containsKey(rel) && isGenerated(p)) {
            stale.add(p);
          }
        });
      }
      for (Path p : stale) {
        Files.delete(p);
        removed++;
      }
    }
    return new int[] {changed, removed};
  }

  static boolean isGenerated(Path p) {
    try (java.io.BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      String first = r.readLine();
      return first != null && first.startsWith(Generator.MARKER);
    } catch (IOException e) {
      return false;
    }
  }
}
