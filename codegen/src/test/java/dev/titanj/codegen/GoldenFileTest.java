package dev.titanj.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: the generator runs on each small spec of ours under {@code
 * src/test/resources/golden/<case>/spec.json} (the case name is the module name, so the package is
 * {@code dev.titanj.<case>}) and every file it produces must equal {@code
 * golden/<case>/expected/<path>}, with no file missing or left over.
 *
 * <p>After an intended change to the output, rewrite the expected files with {@code mvn -B -ntp
 * -pl codegen test -Dtest=GoldenFileTest -Dgolden.update=true} and review the diff before
 * committing. The files are read from and written to the source tree (the module directory is
 * Surefire's working directory), not {@code target/test-classes}.
 */
class GoldenFileTest {
  private static final Path ROOT = Paths.get("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  List<DynamicNode> everyCase_generatesExactlyItsExpectedFiles() throws IOException {
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(ROOT)) {
      cases =
          dirs.filter(d -> Files.isRegularFile(d.resolve("spec.json")))
              .sorted()
              .collect(Collectors.toList());
    }
    assertThat(cases).as("golden cases under " + ROOT.toAbsolutePath()).isNotEmpty();
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path dir : cases) {
      nodes.add(goldenCase(dir));
    }
    return nodes;
  }

  /** The case's generator, with its own {@code customization.properties} when it has one. */
  private static Generator generator(Path dir, String area) throws IOException {
    Spec spec = Spec.read(dir.resolve("spec.json"));
    Path custom = dir.resolve("customization.properties");
    return Files.isRegularFile(custom)
        ? new Generator(spec, area, Customization.parse(custom.toString(), Files.readString(custom)))
        : new Generator(spec, area);
  }

  private static DynamicNode goldenCase(Path dir) throws IOException {
    String area = dir.getFileName().toString();
    Map<String, String> files = generator(dir, area).generate();
    Path expected = dir.resolve("expected");
    if (UPDATE) {
      rewrite(expected, files);
    }
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(
        DynamicTest.dynamicTest(
            "the same set of files",
            () ->
                assertThat(new TreeSet<>(files.keySet()))
                    .as("generated files of " + area + " (expected: " + expected + ")")
                    .containsExactlyElementsOf(listFiles(expected))));
    tests.add(
        DynamicTest.dynamicTest(
            "the same output twice",
            () ->
                assertThat(generator(dir, area).generate())
                    .isEqualTo(files)));
    for (Map.Entry<String, String> e : files.entrySet()) {
      tests.add(
          DynamicTest.dynamicTest(
              e.getKey(),
              () -> {
                Path file = expected.resolve(e.getKey());
                assertThat(file)
                    .as("expected file (rerun with -Dgolden.update=true to write it)")
                    .isRegularFile();
                String want = Files.readString(file, StandardCharsets.UTF_8);
                assertEquals(
                    want,
                    e.getValue(),
                    () ->
                        e.getKey()
                            + " differs from "
                            + file
                            + firstDifference(want, e.getValue())
                            + " (rerun with -Dgolden.update=true to accept the new output)");
                assertThat(e.getValue().lines().findFirst().orElse(""))
                    .startsWith(Generator.MARKER);
                assertThat(Formatting.format(e.getKey(), e.getValue()))
                    .as("formatting is stable")
                    .isEqualTo(e.getValue());
              }));
    }
    return DynamicContainer.dynamicContainer(area, tests);
  }

  /** Where two texts first differ, by line, for the failure message. */
  static String firstDifference(String expected, String actual) {
    List<String> a = expected.lines().collect(Collectors.toList());
    List<String> b = actual.lines().collect(Collectors.toList());
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String x = i < a.size() ? a.get(i) : "<end of file>";
      String y = i < b.size() ? b.get(i) : "<end of file>";
      if (!x.equals(y)) {
        return " at line " + (i + 1) + ": expected [" + x + "] but generated [" + y + "]";
      }
    }
    return " in line endings";
  }

  /** Relative paths, with '/' separators, of every file below {@code dir}; empty if none. */
  private static TreeSet<String> listFiles(Path dir) throws IOException {
    TreeSet<String> out = new TreeSet<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile)
          .forEach(p -> out.add(dir.relativize(p).toString().replace('\\', '/')));
    }
    return out;
  }

  /** Replaces {@code dir}'s contents with {@code files}: stale files go, others are written. */
  private static void rewrite(Path dir, Map<String, String> files) throws IOException {
    for (String stale : listFiles(dir)) {
      if (!files.containsKey(stale)) {
        Files.delete(dir.resolve(stale));
      }
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder())
            .filter(p -> !p.equals(dir) && Files.isDirectory(p))
            .forEach(GoldenFileTest::deleteIfEmpty);
      }
    }
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
    }
  }

  private static void deleteIfEmpty(Path d) {
    try (Stream<Path> s = Files.list(d)) {
      if (s.findAny().isEmpty()) {
        Files.delete(d);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
