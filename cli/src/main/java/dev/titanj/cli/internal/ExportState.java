package dev.titanj.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The saved position of a resumable export: the resource, the continuation token, the output
 * file and how many bytes of it are committed (records up to that token). Saved atomically, by
 * writing a temporary file next to it and moving it over the old one, only after the records it
 * covers are flushed, so the file and the state always agree.
 */
public final class ExportState {
  private final String resource;
  private final String token;
  private final String out;
  private final long bytes;
  private final long records;
  private final long batches;

  public ExportState(String resource, String token, String out, long bytes, long records,
      long batches) {
    this.resource = resource;
    this.token = token;
    this.out = out;
    this.bytes = bytes;
    this.records = records;
    this.batches = batches;
  }

  /** {@code area.name} of the exported resource. */
  public String resource() {
    return resource;
  }

  /** The continuation token to resume from; null at the beginning. */
  public String token() {
    return token;
  }

  /** Absolute path of the output file. */
  public String out() {
    return out;
  }

  /** Bytes of the output file that hold committed records. */
  public long bytes() {
    return bytes;
  }

  /** Records written over all runs. */
  public long records() {
    return records;
  }

  /** Batches read over all runs. */
  public long batches() {
    return batches;
  }

  /** Reads a state file; empty when it does not exist. */
  public static Optional<ExportState> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read export state " + file, e);
    }
    String resource = p.getProperty("resource");
    String bytes = p.getProperty("bytes");
    if (resource == null || bytes == null) {
      throw new UsageException("export state " + file + " is not a titanj export state file");
    }
    try {
      return Optional.of(new ExportState(resource, p.getProperty("token"), p.getProperty("out"),
          Long.parseLong(bytes), Long.parseLong(p.getProperty("records", "0")),
          Long.parseLong(p.getProperty("batches", "0"))));
    } catch (NumberFormatException e) {
      throw new UsageException("export state " + file + " is damaged: " + e.getMessage());
    }
  }

  /** Writes this state to {@code file} atomically (temp file, fsync, move). */
  public void write(Path file) {
    Properties p = new Properties();
    p.setProperty("resource", resource);
    if (token != null) {
      p.setProperty("token", token);
    }
    if (out != null) {
      p.setProperty("out", out);
    }
    p.setProperty("bytes", Long.toString(bytes));
    p.setProperty("records", Long.toString(records));
    p.setProperty("batches", Long.toString(batches));
    p.setProperty("updated", Instant.now().toString());
    Path abs = file.toAbsolutePath();
    Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
          OutputStream os = java.nio.channels.Channels.newOutputStream(ch)) {
        p.store(os, "titanj export state: resume with the same command");
        os.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write export state " + file, e);
    }
  }
}
