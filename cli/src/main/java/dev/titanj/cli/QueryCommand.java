package dev.titanj.cli;

import dev.titanj.cli.internal.CliResource;
import dev.titanj.cli.internal.Connection;
import dev.titanj.cli.internal.ProgressDisplay;
import dev.titanj.cli.internal.RecordEncoder;
import dev.titanj.cli.internal.RecordFields;
import dev.titanj.cli.internal.RecordWriter;
import dev.titanj.cli.internal.Text;
import dev.titanj.cli.internal.UsageException;
import dev.titanj.core.CacheSettings;
import dev.titanj.core.ListQuery;
import dev.titanj.core.TitanApiException;
import dev.titanj.core.TitanException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code titanj query AREA RESOURCE}: lists records with filters, sort and limit. */
@Command(mixinStandardHelpOptions = true, header = "List records of a resource with filters, sort and limit.", name = "query", descriptionHeading = "%n", optionListHeading = "%n", description =
        "List records of a resource, page by page. Filters are the query's methods: "
        + "--filter active=True --filter modifiedOnOrAfter=2025-01-01. Run 'titanj "
        + "resources AREA RESOURCE' to see a resource's filters and sort fields.",
    sortOptions = false)
final class QueryCommand implements Callable<Integer> {
  @ParentCommand
  TitanjCommand root;

  @Parameters(index = "0", paramLabel = "AREA", description = "An installed module's area: crm, accounting, settings, dispatch...")
  String area;

  @Parameters(index = "1", paramLabel = "RESOURCE", description = "Such as customers or invoices.")
  String resource;

  @Option(names = {"-f", "--filter"}, paramLabel = "NAME=VALUE",
      description = "A filter (repeatable). Values: text, numbers, true/false, dates 2025-01-31, "
          + "date-times 2025-01-31T08:00:00Z, enum values, comma-separated lists.")
  List<String> filters = new ArrayList<>();

  @Option(names = "--sort", paramLabel = "+FIELD|-FIELD", description = "Sort field, ascending (+) or descending (-).")
  String sort;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
      description = "Most records to print (default ${DEFAULT-VALUE}).")
  long limit;

  @Option(names = "--all", description = "Print every matching record (ignores --limit), fetched "
      + "at the largest page size the endpoint allows, with a progress bar on stderr.")
  boolean all;

  @Option(names = "--page-size", paramLabel = "N", description = "Records per request (a fetch "
      + "hint; default 50, or the endpoint's maximum with --all).")
  Integer pageSize;

  @Option(names = "--progress", paramLabel = "auto|bar|plain|none", defaultValue = "auto",
      description = "Progress on stderr (default ${DEFAULT-VALUE}: with --all, a bar on a terminal "
          + "and plain lines otherwise; none without --all).")
  String progress;

  @Option(names = "--format", paramLabel = "table|json|jsonl|csv", defaultValue = "table",
      description = "Output format (default ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--columns", paramLabel = "FIELD", split = ",",
      description = "Columns of table and csv output: field names or nested paths such as "
          + "address.city (default: all non-empty).")
  List<String> columns = new ArrayList<>();

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "A raw query parameter the SDK has no typed filter for (repeatable).")
  List<String> params = new ArrayList<>();

  @Override
  public Integer call() {
    root.action = "query " + area + " " + resource;
    RecordWriter.Format fmt = RecordWriter.Format.parse(format);
    String mode = progress.toLowerCase(Locale.ROOT);
    if (!mode.matches(ProgressDisplay.MODES)) {
      throw new UsageException("unknown --progress '" + progress + "' (known: auto, bar, plain, none)");
    }
    if (!all && limit < 1) {
      throw new UsageException("--limit must be positive, was " + limit);
    }
    CliResource d = root.context.registry().resolve(area, resource);
    d.binder(); // fails now when the resource has no list operation
    root.action = "query " + d.label();
    RecordFields.check(d.recordType(), columns);
    PrintWriter out = root.spec.commandLine().getOut();
    try (Connection c = root.connect(CacheSettings.defaults())) {
      ListQuery<?, ?> q = d.binder().apply(d.newQuery(d.repository(c.client())), filters, sort);
      for (String p : params) {
        int eq = p.indexOf('=');
        if (eq <= 0) {
          throw new UsageException("--param '" + p + "' must be written name=value");
        }
        q = q.withParameter(p.substring(0, eq), p.substring(eq + 1));
      }
      if (pageSize != null) {
        q = q.pageSize(pageSize);
      } else if (all) {
        q = q.pageSize(q.maxPageSize());
      }
      if (!all) {
        q = q.limit(limit);
      }
      // The SDK's default page size is 50 (a fetch hint; the server may send fewer).
      int size = pageSize != null ? pageSize : all ? q.maxPageSize() : Math.min(50, q.maxPageSize());
      RecordEncoder encoder = new RecordEncoder(d.recordType());
      RecordWriter w = RecordWriter.create(fmt, out, encoder, columns);
      boolean show = !mode.equals("none") && (all || !mode.equals("auto"));
      long total = show ? total(q) : -1;
      if (total >= 0 && !all) {
        total = Math.min(total, limit);
      }
      try (ProgressDisplay bar = show
          ? ProgressDisplay.create(mode, root.context.terminal, "plain", d.label(), total, "page",
              root.spec.commandLine().getErr())
          : ProgressDisplay.create("none", false, "none", d.label(), -1, "page", null)) {
        Iterator<?> it = q.iterator();
        long n = 0;
        while (it.hasNext()) {
          w.write(it.next());
          n++;
          if (n % size == 0) {
            bar.update(n, n / size);
          }
        }
        bar.update(n, Math.max(1, (n + size - 1) / size));
      } finally {
        out.flush(); // a failure leaves what was streamed, without a closing footer
      }
      w.close();
      if (fmt == RecordWriter.Format.TABLE) {
        root.spec.commandLine().getErr().println("(" + Text.count(w.count(), "record")
            + (!all && w.count() == limit ? "; --limit reached" : "") + ")");
      }
    }
    return ExitCodes.OK;
  }

  /** Matching records, from one includeTotal request; -1 when the server gives no total. */
  private static long total(ListQuery<?, ?> q) {
    try {
      return q.count();
    } catch (TitanException e) {
      if (e instanceof TitanApiException) {
        throw e;
      }
      return -1;
    }
  }

}
