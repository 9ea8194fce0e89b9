package dev.titanj.cli.internal;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressState;

/**
 * Progress of a long query or export on stderr: a bar redrawn in place (on a terminal), plain
 * lines (at most one a second, and a last one), or nothing. With a known total the bar shows
 * {@code 45% [=====     ] 8,100/18,000 records, 2 pages, 5,400 records/s}; without one it shows
 * the count and the rate only (never {@code ?%}).
 */
public abstract class ProgressDisplay implements AutoCloseable {
  /** The modes of {@code --progress}. */
  public static final String MODES = "auto|bar|plain|none";

  /** Records done so far, and pages (or batches) fetched. */
  public abstract void update(long records, long pages);

  @Override
  public void close() {}

  /**
   * A display for {@code mode} ({@code auto} is a bar on a terminal and {@code autoOther} otherwise).
   *
   * @param total the number of records expected, or -1 when unknown
   * @param pageNoun "page" or "batch"
   */
  public static ProgressDisplay create(String mode, boolean terminal, String autoOther, String label,
      long total, String pageNoun, PrintWriter err) {
    return create(mode, terminal, autoOther, label, total, pageNoun, err, 1_000);
  }

  /** As the other {@code create}, with plain lines at most every {@code plainIntervalMillis} (0: every update). */
  public static ProgressDisplay create(String mode, boolean terminal, String autoOther, String label,
      long total, String pageNoun, PrintWriter err, long plainIntervalMillis) {
    String m = mode.toLowerCase(Locale.ROOT);
    if (!m.matches(MODES)) {
      throw new UsageException("unknown --progress '" + mode + "' (known: auto, bar, plain, none)");
    }
    if (m.equals("auto")) {
      m = terminal ? "bar" : autoOther;
    }
    switch (m) {
      case "none": return new ProgressDisplay() {
        @Override
        public void update(long records, long pages) {}
      };
      case "bar": return new Bar(label, total, pageNoun, err);
      default: return new Plain(label, total, pageNoun, err, plainIntervalMillis * 1_000_000L);
    }
  }

  /** {@code 8100/18000 records (45%)} or {@code 8100 records}, then pages and rate. */
  static String describe(long records, long total, long pages, String pageNoun, double seconds) {
    StringBuilder sb = new StringBuilder();
    if (total >= 0) {
      sb.append(String.format(Locale.ROOT, "%,d/%,d %s (%d%%)", records, total,
          Text.plural(total, "record"), total == 0 ? 100 : Math.min(100, records * 100 / total)));
    } else {
      sb.append(String.format(Locale.ROOT, "%,d %s", records, Text.plural(records, "record")));
    }
    sb.append(String.format(Locale.ROOT, ", %,d %s, %,.0f records/s", pages,
        Text.plural(pages, pageNoun), records / Math.max(1e-3, seconds)));
    return sb.toString();
  }

  static final class Plain extends ProgressDisplay {
    private final String label;
    private final long total;
    private final String pageNoun;
    private final PrintWriter err;
    private final long intervalNanos;
    private final long t0 = System.nanoTime();
    private long lastLine = t0;
    private long printedRecords = -1;
    private long records;
    private long pages;
    private boolean printedLast;

    Plain(String label, long total, String pageNoun, PrintWriter err, long intervalNanos) {
      this.intervalNanos = intervalNanos;
      this.label = label;
      this.total = total;
      this.pageNoun = pageNoun;
      this.err = err;
    }

    @Override
    public void update(long records, long pages) {
      this.records = records;
      this.pages = pages;
      long now = System.nanoTime();
      if (now - lastLine >= intervalNanos) {
        lastLine = now;
        print(now);
      }
    }

    private void print(long now) {
      printedRecords = records;
      err.println(label + ": " + describe(records, total, pages, pageNoun, (now - t0) / 1e9));
      err.flush();
    }

    @Override
    public void close() {
      if (!printedLast && pages > 0 && printedRecords != records) {
        printedLast = true;
        print(System.nanoTime());
      }
    }
  }

  static final class Bar extends ProgressDisplay {
    private final ProgressBar bar;
    private final long total;
    private final String pageNoun;
    private volatile long pages;

    Bar(String label, long total, String pageNoun, PrintWriter err) {
      this.total = total;
      this.pageNoun = pageNoun;
      int width = 100;
      try {
        width = Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100")) - 1);
      } catch (NumberFormatException ignored) {
        // keep 100
      }
      this.bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(total)
          .setUpdateIntervalMillis(200).setRenderer(this::render)
          .setConsumer(new DelegatingProgressBarConsumer(line -> {
            err.print('\r');
            err.print(line);
            err.flush();
          }, width) {
            @Override
            public void close() {
              err.println();
              err.flush();
            }
          }).build();
    }

    private String render(ProgressState s, int maxLength) {
      double secs = Math.max(1e-3, s.getTotalElapsed().toMillis() / 1e3);
      String text = describe(s.getCurrent(), total, pages, pageNoun, secs);
      String line;
      if (total > 0) {
        int cells = 20;
        int full = (int) Math.min(cells, s.getCurrent() * cells / total);
        line = s.getTaskName() + " [" + "=".repeat(full) + " ".repeat(cells - full) + "] " + text;
      } else {
        line = s.getTaskName() + " " + text;
      }
      return line.length() > maxLength ? line.substring(0, maxLength) : line;
    }

    @Override
    public void update(long records, long pages) {
      this.pages = pages;
      bar.stepTo(records);
    }

    @Override
    public void close() {
      bar.close();
    }
  }
}
