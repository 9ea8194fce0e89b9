package dev.titanj.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams 200,000 records of about 0.5 KB each (some 100 MB in all) in a child JVM limited to a
 * 64 MB heap: the lazy stream must finish; collecting the same records into a list must not.
 */
class BoundedMemoryStreamTest {
  private static final int TOTAL = 200_000;

  @TempDir
  Path dir;

  private record Run(int exit, String output) {}

  private Run child(String... extra) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx64m",
        "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), StreamMain.class.getName(),
        String.valueOf(TOTAL)));
    cmd.addAll(List.of(extra));
    File out = dir.resolve("out-" + extra.length + ".txt").toFile();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("child JVM did not finish in time");
    }
    return new Run(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8));
  }

  @Test
  void streaming200kRecords_inA64MbHeap_neverRunsOutOfMemory() throws Exception {
    Run run = child();

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("count=" + TOTAL).doesNotContain("OutOfMemoryError");
  }

  @Test
  void control_collectingTheSameRecordsIntoAList_doesNotFitThatHeap() throws Exception {
    Run run = child("collect");

    assertThat(run.exit()).as(run.output()).isNotZero();
    assertThat(run.output()).contains("OutOfMemoryError");
  }
}
