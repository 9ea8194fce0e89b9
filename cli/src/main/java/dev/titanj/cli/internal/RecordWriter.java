package dev.titanj.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes query results in one of the CLI's output formats. JSON, JSON Lines and CSV stream;
 * a table is written when {@link #close()} is called, since column widths depend on every row.
 */
public abstract class RecordWriter implements AutoCloseable {
  /** Records read before CSV decides its columns. */
  static final int CSV_SAMPLE = 100;
  /** Widest table cell before it is cut with an ellipsis. */
  static final int MAX_CELL = 40;

  /** The formats of {@code --format}. */
  public enum Format {
    TABLE, JSON, JSONL, CSV;

    /** Parses {@code table|json|jsonl|csv}, ignoring case. */
    public static Format parse(String s) {
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UsageException("unknown format '" + s + "' (known: table, json, jsonl, csv)");
      }
    }
  }

  protected final PrintWriter out;
  protected final RecordEncoder encoder;
  protected final List<String> columns;
  protected long count;

  RecordWriter(PrintWriter out, RecordEncoder encoder, List<String> columns) {
    this.out = out;
    this.encoder = encoder;
    this.columns = columns == null ? List.of() : List.copyOf(columns);
  }

  /**
   * A writer of {@code format}.
   *
   * @param columns the columns to show in table and CSV output; empty for all
   */
  public static RecordWriter create(Format format, PrintWriter out, RecordEncoder encoder,
      List<String> columns) {
    switch (format) {
      case JSON: return new Json(out, encoder);
      case JSONL: return new JsonLines(out, encoder);
      case CSV: return new Csv(out, encoder, columns);
      default: return new Table(out, encoder, columns);
    }
  }

  /** Writes one record. */
  public final void write(Object record) {
    count++;
    doWrite(record);
  }

  abstract void doWrite(Object record);

  /** Records written so far. */
  public long count() {
    return count;
  }

  @Override
  public void close() {
    finish();
    out.flush();
  }

  abstract void finish();

  List<String> columnsOf(List<Map<String, Object>> rows) {
    if (!columns.isEmpty()) {
      return columns;
    }
    Set<String> all = new LinkedHashSet<>();
    rows.forEach(r -> all.addAll(r.keySet()));
    return new ArrayList<>(all);
  }

  static final class Json extends RecordWriter {
    Json(PrintWriter out, RecordEncoder encoder) {
      super(out, encoder, null);
    }

    @Override
    void doWrite(Object record) {
      out.print(count == 1 ? "[\n" : ",\n");
      out.print(indent(encoder.toPrettyJson(record)));
    }

    private static String indent(String json) {
      return "  " + json.replace("\n", "\n  ");
    }

    @Override
    void finish() {
      out.print(count == 0 ? "[]\n" : "\n]\n");
    }
  }

  static final class JsonLines extends RecordWriter {
    JsonLines(PrintWriter out, RecordEncoder encoder) {
      super(out, encoder, null);
    }

    @Override
    void doWrite(Object record) {
      out.print(encoder.toJsonLine(record));
      out.print('\n');
    }

    @Override
    void finish() {}
  }

  static final class Csv extends RecordWriter {
    private final List<Map<String, Object>> sample = new ArrayList<>();
    private List<String> header;

    Csv(PrintWriter out, RecordEncoder encoder, List<String> columns) {
      super(out, encoder, columns);
    }

    @Override
    void doWrite(Object record) {
      Map<String, Object> row = encoder.toFields(record);
      if (header == null) {
        sample.add(row);
        if (sample.size() >= CSV_SAMPLE) {
          flushSample();
        }
      } else {
        writeRow(row);
      }
    }

    private void flushSample() {
      header = columnsOf(sample);
      out.print(line(header));
      sample.forEach(this::writeRow);
      sample.clear();
    }

    private void writeRow(Map<String, Object> row) {
      List<String> cells = new ArrayList<>(header.size());
      for (String c : header) {
        cells.add(encoder.cell(RecordFields.valueAt(row, c)));
      }
      out.print(line(cells));
    }

    private static String line(List<String> cells) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(quote(cells.get(i)));
      }
      return sb.append("\r\n").toString();
    }

    static String quote(String s) {
      if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
        return s;
      }
      return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    void finish() {
      if (header == null) {
        flushSample();
      }
    }
  }

  static final class Table extends RecordWriter {
    private final List<Map<String, Object>> rows = new ArrayList<>();

    Table(PrintWriter out, RecordEncoder encoder, List<String> columns) {
      super(out, encoder, columns);
    }

    @Override
    void doWrite(Object record) {
      rows.add(encoder.toFields(record));
    }

    @Override
    void finish() {
      if (rows.isEmpty()) {
        out.println("(no records)");
        return;
      }
      List<String> header = columnsOf(rows);
      // Columns that are empty in every row only add width.
      if (columns.isEmpty()) {
        header.removeIf(c -> rows.stream().allMatch(r -> encoder.cell(r.get(c)).isEmpty()));
      }
      List<String[]> cells = new ArrayList<>();
      int[] width = new int[header.size()];
      for (int i = 0; i < header.size(); i++) {
        width[i] = header.get(i).length();
      }
      for (Map<String, Object> r : rows) {
        String[] line = new String[header.size()];
        for (int i = 0; i < header.size(); i++) {
          String v = encoder.cell(RecordFields.valueAt(r, header.get(i))).replace('\n', ' ').replace('\r', ' ');
          if (v.length() > MAX_CELL) {
            v = v.substring(0, MAX_CELL - 1) + "…";
          }
          line[i] = v;
          width[i] = Math.max(width[i], v.length());
        }
        cells.add(line);
      }
      out.print(row(header.toArray(new String[0]), width));
      StringBuilder rule = new StringBuilder();
      for (int i = 0; i < width.length; i++) {
        rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
      }
      out.print(rule.toString().stripTrailing() + "\n");
      cells.forEach(line -> out.print(row(line, width)));
    }

    private static String row(String[] cells, int[] width) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          sb.append("  ");
        }
        sb.append(cells[i]);
        sb.append(" ".repeat(width[i] - cells[i].length()));
      }
      return sb.toString().stripTrailing() + "\n";
    }
  }
}
