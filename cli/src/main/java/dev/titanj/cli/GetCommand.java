package dev.titanj.cli;

import dev.titanj.cli.internal.CliResource;
import dev.titanj.cli.internal.Connection;
import dev.titanj.cli.internal.RecordEncoder;
import dev.titanj.cli.internal.RecordWriter;
import dev.titanj.cli.internal.UsageException;
import dev.titanj.core.CacheSettings;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code titanj get AREA RESOURCE ID}: reads one record. */
@Command(mixinStandardHelpOptions = true, header = "Read one record by id.", name = "get", description = "Read one record by id (exit code 4 when there is none).")
final class GetCommand implements Callable<Integer> {
  @ParentCommand
  TitanjCommand root;

  @Parameters(index = "0", paramLabel = "AREA")
  String area;

  @Parameters(index = "1", paramLabel = "RESOURCE")
  String resource;

  @Parameters(index = "2", paramLabel = "ID")
  String id;

  @Option(names = "--format", paramLabel = "json|table", defaultValue = "json",
      description = "json (default) or table (one field per line).")
  String format;

  @Override
  public Integer call() {
    root.action = "get " + area + " " + resource + " " + id;
    RecordWriter.Format fmt = RecordWriter.Format.parse(format);
    if (fmt != RecordWriter.Format.JSON && fmt != RecordWriter.Format.TABLE) {
      throw new UsageException("get prints json or table, not " + format);
    }
    CliResource d = root.context.registry().resolve(area, resource);
    if (!d.canGet()) {
      throw new UsageException(d.label() + " has no get-by-id operation");
    }
    PrintWriter out = root.spec.commandLine().getOut();
    try (Connection c = root.connect(CacheSettings.defaults())) {
      Optional<?> found = d.findById(d.repository(c.client()), id);
      if (found.isEmpty()) {
        root.spec.commandLine().getErr().println("titanj: " + d.label() + " " + id + " not found");
        return ExitCodes.NOT_FOUND;
      }
      RecordEncoder encoder = new RecordEncoder(d.recordType());
      if (fmt == RecordWriter.Format.JSON) {
        out.println(encoder.toPrettyJson(found.get()));
      } else {
        Map<String, Object> fields = encoder.toFields(found.get());
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        fields.forEach((k, v) -> {
          String cell = encoder.cell(v);
          if (!cell.isEmpty()) {
            out.println(k + " ".repeat(width - k.length()) + "  " + cell);
          }
        });
      }
      out.flush();
    }
    return ExitCodes.OK;
  }
}
