package dev.titanj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.cli.fixture.FixtureData;
import dev.titanj.cli.internal.ExportState;
import dev.titanj.cli.internal.StopSignal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  @TempDir
  Path dir;

  /** Stops the export once {@code after} records of this run have been written. */
  static final class StopAfter extends StopSignal {
    private final long after;

    StopAfter(long after) {
      this.after = after;
    }

    @Override
    public void recordWritten(long total) {
      if (total >= after) {
        requestStop();
      }
    }
  }

  private Cli export(StopSignal stop, String... extra) {
    String[] base = {"export", "crm", "customers", "--out", dir.resolve("c.jsonl").toString(),
        "--state", dir.resolve("c.state").toString(), "--progress", "plain"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Cli.run(Cli.fixtures(Map.of(), null, stop), args);
  }

  private List<Long> ids() throws IOException {
    return Files.readAllLines(dir.resolve("c.jsonl"), StandardCharsets.UTF_8).stream()
        .map(l -> Long.parseLong(l.replaceAll(".*\"id\":(\\d+),.*", "$1")))
        .collect(Collectors.toList());
  }

  @Test
  void export_interruptedMidBatch_thenResumedWithState_writesEveryRecordExactlyOnce() throws IOException {
    // Stop after 30 records: batch 1 (25) is committed, 5 records of batch 2 are not.
    Cli first = export(new StopAfter(30));

    assertThat(first.exitCode).as(first.toString()).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(ids()).hasSize(25).containsExactlyElementsOf(range(1, 25));
    ExportState saved = ExportState.read(dir.resolve("c.state")).orElseThrow();
    assertThat(saved.token()).isEqualTo("t25");
    assertThat(saved.records()).isEqualTo(25);
    assertThat(saved.bytes()).isEqualTo(Files.size(dir.resolve("c.jsonl")));
    assertThat(first.err).contains("interrupted after 25 records");

    Cli second = export(new StopSignal());

    assertThat(second.exitCode).as(second.toString()).isEqualTo(0);
    assertThat(ids()).containsExactlyElementsOf(range(1, FixtureData.CUSTOMERS));
    assertThat(second.err).contains("exported 95 records in 4 batches")
        .contains("120 records in total");
    assertThat(second.err).contains("crm customers: 25 records, 1 batch,");
  }

  @Test
  void export_runAgainWhenCaughtUp_addsNoDuplicates() throws IOException {
    assertThat(export(new StopSignal()).exitCode).isEqualTo(0);
    byte[] before = Files.readAllBytes(dir.resolve("c.jsonl"));

    Cli again = export(new StopSignal());

    assertThat(again.exitCode).as(again.toString()).isEqualTo(0);
    assertThat(Files.readAllBytes(dir.resolve("c.jsonl"))).isEqualTo(before);
    assertThat(ids()).doesNotHaveDuplicates().hasSize(FixtureData.CUSTOMERS);
  }

  @Test
  void export_resume_discardsRecordsWrittenAfterTheLastSavedState() throws IOException {
    assertThat(export(new StopAfter(30)).exitCode).isEqualTo(ExitCodes.INTERRUPTED);
    // A crash between flushing records and saving the state leaves extra lines behind.
    Files.writeString(dir.resolve("c.jsonl"), "{\"id\":26,\"partial\":true}\n",
        java.nio.file.StandardOpenOption.APPEND);

    Cli resumed = export(new StopSignal());

    assertThat(resumed.exitCode).as(resumed.toString()).isEqualTo(0);
    assertThat(resumed.err).contains("discarding");
    assertThat(ids()).containsExactlyElementsOf(range(1, FixtureData.CUSTOMERS));
  }

  @Test
  void export_fromDate_startsAtRecordsModifiedSinceThatDate() throws IOException {
    Cli r = Cli.run(Cli.fixtures(), "export", "crm", "customers", "--from", "2025-04-01",
        "--out", dir.resolve("c.jsonl").toString(), "--progress", "none");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(0);
    assertThat(ids().get(0)).isEqualTo(90L);
    assertThat(r.err).contains("resume token: t120");
  }

  @Test
  void export_fromToken_continuesAfterIt() throws IOException {
    Cli r = Cli.run(Cli.fixtures(), "export", "crm", "customers", "--from", "t100",
        "--out", dir.resolve("c.jsonl").toString(), "--progress", "none");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(0);
    assertThat(ids()).containsExactlyElementsOf(range(101, 120));
  }

  @Test
  void export_interruptedWithoutState_keepsWholeBatchesAndPrintsTheTokenAfterThem() throws IOException {
    Cli r = Cli.run(Cli.fixtures(Map.of(), null, new StopAfter(60)), "export", "crm", "customers",
        "--out", dir.resolve("c.jsonl").toString(), "--progress", "none");

    assertThat(r.exitCode).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(ids()).containsExactlyElementsOf(range(1, 50));
    assertThat(r.err).contains("interrupted after 50 records in 2 batches").contains("--from t50");
  }

  @Test
  void export_toStdout_writesJsonLines() {
    Cli r = Cli.run(Cli.fixtures(), "export", "crm", "customers", "--from", "t110", "--progress", "none");

    assertThat(r.exitCode).as(r.toString()).isEqualTo(0);
    assertThat(r.out.lines()).hasSize(10).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
  }

  @Test
  void export_refusesToOverwriteAnExistingFileWithoutOverwrite() throws IOException {
    Files.writeString(dir.resolve("c.jsonl"), "precious\n");

    Cli r = Cli.run(Cli.fixtures(), "export", "crm", "customers", "--out",
        dir.resolve("c.jsonl").toString());

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(QueryCommandTest.errorLine(r)).contains("already exists; pass --overwrite");
    assertThat(Files.readString(dir.resolve("c.jsonl"))).isEqualTo("precious\n");
  }

  @Test
  void export_stateWithoutOut_isAUsageError() {
    Cli r = Cli.run(Cli.fixtures(), "export", "crm", "customers", "--state",
        dir.resolve("s").toString());

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(QueryCommandTest.errorLine(r)).contains("--state needs --out");
  }

  @Test
  void export_stateOfAnotherResource_isRefused() throws IOException {
    new ExportState("accounting.invoices", "t5", dir.resolve("c.jsonl").toAbsolutePath().toString(),
        0, 0, 0).write(dir.resolve("c.state"));

    Cli r = export(new StopSignal());

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(QueryCommandTest.errorLine(r)).contains("belongs to an export of accounting.invoices");
  }

  @Test
  void exportState_write_replacesTheFileAtomicallyAndLeavesNoTempFile() throws IOException {
    Path state = dir.resolve("s.properties");
    new ExportState("crm.customers", "a", "/x", 1, 1, 1).write(state);
    new ExportState("crm.customers", "b", "/x", 2, 2, 2).write(state);

    assertThat(ExportState.read(state).orElseThrow().token()).isEqualTo("b");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("s.properties");
    }
  }

  private static List<Long> range(long from, long to) {
    return java.util.stream.LongStream.rangeClosed(from, to).boxed().collect(Collectors.toList());
  }
}
