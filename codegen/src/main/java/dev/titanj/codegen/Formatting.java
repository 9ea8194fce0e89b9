package dev.titanj.codegen;

import com.google.googlejavaformat.java.Formatter;
import com.google.googlejavaformat.java.FormatterException;
import com.google.googlejavaformat.java.JavaFormatterOptions;
import java.util.List;
import java.util.Optional;

/**
 * Formats each generated file with google-java-format (Google style: 2-space indent, 100 columns,
 * Javadoc reflowed, imports ordered, long string literals split), after JavaPoet has written it.
 *
 * <p>google-java-format runs javac's parser in-process, and JDK 17 keeps those packages of
 * {@code jdk.compiler} encapsulated: the JVM that runs the generator needs {@link #JVM_FLAGS}.
 * In this repository {@code .mvn/jvm.config} gives them to Maven's own JVM (which runs
 * {@code exec:java}) and codegen's Surefire {@code argLine} to its tests.
 *
 * <p>The formatter is deterministic and keeps comments where they are, so the file comment
 * ({@link Generator#MARKER}) stays the first line.
 */
final class Formatting {
  /** The packages google-java-format reads (the {@code Add-Exports} list of its jar). */
  static final List<String> EXPORTED_PACKAGES =
      List.of(
          "com.sun.tools.javac.api",
          "com.sun.tools.javac.code",
          "com.sun.tools.javac.file",
          "com.sun.tools.javac.parser",
          "com.sun.tools.javac.tree",
          "com.sun.tools.javac.util");

  /** The JVM options that make {@link #EXPORTED_PACKAGES} readable from the class path. */
  static final String JVM_FLAGS =
      String.join(
          " ",
          EXPORTED_PACKAGES.stream()
              .map(p -> "--add-exports=jdk.compiler/" + p + "=ALL-UNNAMED")
              .toArray(String[]::new));

  private static final Formatter FORMATTER =
      new Formatter(
          JavaFormatterOptions.builder()
              .style(JavaFormatterOptions.Style.GOOGLE)
              .formatJavadoc(true)
              .reorderModifiers(true)
              .build());

  private static volatile boolean checked;

  private Formatting() {}

  /**
   * The formatted text of one generated file. Fails with {@link IllegalStateException} when the
   * JVM lacks {@link #JVM_FLAGS} or the source does not parse (a generator bug).
   */
  static String format(String path, String source) {
    checkAccess();
    try {
      // Orders and prunes imports, formats, then splits string literals over 100 columns.
      return FORMATTER.formatSourceAndFixImports(source);
    } catch (FormatterException e) {
      throw new IllegalStateException(
          "google-java-format rejected generated " + path + ": " + e.getMessage(), e);
    }
  }

  private static void checkAccess() {
    if (checked) {
      return;
    }
    Module self = Formatting.class.getModule();
    Optional<Module> compiler = ModuleLayer.boot().findModule("jdk.compiler");
    if (compiler.isEmpty()) {
      throw new IllegalStateException(
          "google-java-format needs the jdk.compiler module: run the generator on a JDK, not a JRE");
    }
    for (String p : EXPORTED_PACKAGES) {
      if (!compiler.get().isExported(p, self)) {
        throw new IllegalStateException(
            "google-java-format cannot read jdk.compiler/"
                + p
                + ": start the JVM with "
                + JVM_FLAGS
                + " (for Maven: .mvn/jvm.config at the repository root or MAVEN_OPTS)");
      }
    }
    checked = true;
  }
}
