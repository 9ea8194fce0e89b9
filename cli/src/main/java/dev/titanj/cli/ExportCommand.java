package dev.titanj.cli;

import dev.titanj.cli.internal.CliResource;
import dev.titanj.cli.internal.Connection;
import dev.titanj.cli.internal.CtrlC;
import dev.titanj.cli.internal.ExportState;
import dev.titanj.cli.internal.ProgressDisplay;
import dev.titanj.cli.internal.RecordEncoder;
import dev.titanj.cli.internal.StopSignal;
import dev.titanj.cli.internal.Text;
import dev.titanj.cli.internal.UsageException;
import dev.titanj.core.CacheSettings;
import dev.titanj.core.ExportBatch;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code titanj export AREA RESOURCE}: streams an export feed to JSON Lines. With {@code --state}
 * the continuation token is saved after every batch, once the batch's records are flushed to
 * disk, so a later run resumes where this one stopped, with no record lost or repeated.
 */
@Command(mixinStandardHelpOptions = true, header = "Stream an export feed to JSON Lines, resumable with --state.", name = "export", sortOptions = false, descriptionHeading = "%n", optionListHeading = "%n", description =
        "Stream a resource's export feed to JSON Lines (one record per line). With "
        + "--state FILE the position is saved after each batch; run the same command again "
        + "to continue where the last run stopped (Ctrl-C included) with no duplicates.")
final class ExportCommand implements Callable<Integer> {
  @ParentCommand
  TitanjCommand root;

  @Parameters(index = "0", paramLabel = "AREA")
  String area;

  @Parameters(index = "1", paramLabel = "RESOURCE")
  String resource;

  @Option(names = "--from", paramLabel = "TOKEN|DATE",
      description = "Start at a continuation token or at records modified since a date (2025-01-31); "
          + "default: the beginning. Ignored when --state already holds a position.")
  String from;

  @Option(names = "--out", paramLabel = "FILE.jsonl", description = "Output file (default: stdout).")
  Path out;

  @Option(names = "--state", paramLabel = "FILE",
      description = "Resume file: read at start, rewritten atomically after every batch. Needs --out.")
  Path state;

  @Option(names = "--overwrite", description = "Replace an existing --out file when not resuming.")
  boolean overwrite;

  @Option(names = "--include-recent-changes",
      description = "Ask for recent changes sooner (the server may then repeat records).")
  boolean includeRecentChanges;

  @Option(names = "--progress", paramLabel = "auto|bar|plain|none", defaultValue = "auto",
      description = "Progress on stderr: a bar on a terminal, plain lines otherwise (default ${DEFAULT-VALUE}).")
  String progress;

  @Override
  public Integer call() throws IOException {
    root.action = "export " + area + " " + resource;
    CliResource d = root.context.registry().resolve(area, resource);
    if (!d.canExport()) {
      throw new UsageException(d.label() + " has no export feed");
    }
    root.action = "export " + d.label();
    if (state != null && out == null) {
      throw new UsageException("--state needs --out: the state records how much of the file is committed");
    }
    // Checks --progress now; shown once the export starts.
    ProgressDisplay.create(progress, false, "none", d.label(), -1, "batch",
        root.spec.commandLine().getErr());
    PrintWriter err = root.spec.commandLine().getErr();
    Optional<ExportState> saved = state == null ? Optional.empty() : ExportState.read(state);
    Path outAbs = out == null ? null : out.toAbsolutePath().normalize();
    ExportCursor start;
    if (saved.isPresent()) {
      ExportState s = saved.get();
      if (!s.resource().equals(d.qualifiedName())) {
        throw new UsageException("state file " + state + " belongs to an export of " + s.resource()
            + ", not " + d.qualifiedName());
      }
      if (s.out() != null && !s.out().equals(outAbs.toString())) {
        throw new UsageException("state file " + state + " belongs to output " + s.out()
            + ", not " + outAbs);
      }
      start = ExportCursor.from(s.token());
      if (from != null) {
        err.println("titanj: resuming from " + state + "; --from is ignored");
      }
    } else {
      start = parseFrom(from);
    }

    FileChannel channel = null;
    Writer writer;
    long committed = 0;
    if (outAbs != null) {
      boolean exists = Files.exists(outAbs);
      if (saved.isPresent()) {
        long size = exists ? Files.size(outAbs) : 0;
        if (size < saved.get().bytes()) {
          throw new UsageException("output " + outAbs + " has " + size + " bytes but state " + state
              + " says " + saved.get().bytes() + " were written; restore the file or delete the state to start over");
        }
        channel = FileChannel.open(outAbs, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        committed = saved.get().bytes();
        if (size > committed) {
          err.println("titanj: discarding " + (size - committed)
              + " bytes written after the last saved position");
          channel.truncate(committed);
        }
        channel.position(committed);
      } else {
        if (exists && Files.size(outAbs) > 0 && !overwrite) {
          throw new UsageException("output " + outAbs + " already exists; pass --overwrite to replace it"
              + (state == null ? "" : " (no state in " + state + " to resume from)"));
        }
        channel = FileChannel.open(outAbs, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
      }
      writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
          StandardCharsets.UTF_8), 1 << 16);
    } else {
      writer = root.spec.commandLine().getOut();
    }

    StopSignal stop = root.context.stop;
    CtrlC ctrlC = CtrlC.install(stop, root.context.installShutdownHook, "titanj-export-stop");
    long records = saved.map(ExportState::records).orElse(0L);
    long batches = saved.map(ExportState::batches).orElse(0L);
    long runRecords = 0;
    long runBatches = 0;
    boolean interrupted = false;
    String token = start.token();
    ProgressDisplay bar = ProgressDisplay.create(progress, root.context.terminal, "plain", d.label(),
        -1, "batch", err, 0); // plain: one line per batch
    long t0 = System.nanoTime();
    boolean completed = false; // false when an exception escapes: then only the error is printed
    try (Connection c = root.connect(CacheSettings.defaults())) {
      ExportFeed<?> feed = d.export(d.repository(c.client()), start)
          .includeRecentChanges(includeRecentChanges);
      RecordEncoder encoder = new RecordEncoder(d.recordType());
      while (!stop.isStopped()) {
        ExportBatch<?> batch = feed.nextBatch();
        int inBatch = 0;
        for (Object record : batch.items()) {
          if (stop.isStopped()) {
            interrupted = true;
            break;
          }
          writer.write(encoder.toJsonLine(record));
          writer.write('\n');
          inBatch++;
          stop.recordWritten(runRecords + inBatch);
        }
        if (interrupted) {
          writer.flush();
          if (channel != null) {
            // The partial batch is read again on resume (from the state or the printed token).
            channel.truncate(committed);
          }
          break;
        }
        writer.flush();
        if (channel != null) {
          channel.force(false);
          committed = channel.position();
        }
        batches++;
        runBatches++;
        records += inBatch;
        runRecords += inBatch;
        token = batch.next().token();
        if (state != null) {
          new ExportState(d.qualifiedName(), token, outAbs.toString(), committed, records, batches)
              .write(state);
        }
        bar.update(runRecords, runBatches);
        if (!batch.hasMore() || batch.items().isEmpty()) {
          break;
        }
      }
      interrupted |= stop.isStopped();
      completed = true;
    } finally {
      try {
        bar.close();
        if (channel != null) {
          writer.close();
        } else {
          writer.flush();
        }
      } finally {
        // After a Ctrl-C the JVM halts as soon as the hook returns: report first, then release it.
        try {
          if (completed) {
            double secs = Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
            err.printf(Locale.ROOT, "titanj: %s %s in %s (%.0f records/s)%s%n",
                interrupted || stop.isStopped() ? "interrupted after" : "exported",
                Text.count(runRecords, "record"), Text.count(runBatches, "batch"),
                runRecords / secs, outAbs == null ? "" : " to " + outAbs);
            if (state != null && (runBatches > 0 || saved.isPresent())) {
              err.println("titanj: state saved in " + state + " (" + Text.count(records, "record")
                  + " in total); run the same command to continue");
            } else if (state == null && token != null) {
              err.println("titanj: resume token: " + token + "  (continue with --from " + token + ")");
            }
          }
          err.flush();
        } finally {
          ctrlC.release();
        }
      }
    }
    return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
  }

  static ExportCursor parseFrom(String from) {
    if (from == null || from.isBlank()) {
      return ExportCursor.beginning();
    }
    if (from.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        return ExportCursor.since(LocalDate.parse(from));
      } catch (DateTimeParseException e) {
        throw new UsageException("--from '" + from + "' is not a valid date");
      }
    }
    return ExportCursor.from(from);
  }
}
