package dev.titanj.cli;

import dev.titanj.cli.internal.CliResource;
import dev.titanj.cli.internal.ResourceRegistry;
import dev.titanj.core.OperationDescriptor;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code titanj resources [AREA [RESOURCE]]}: lists resources, or one resource's filters and sort fields. */
@Command(mixinStandardHelpOptions = true, header = "List resources, or one resource's filters and sort fields.", name = "resources", descriptionHeading = "%n", optionListHeading = "%n", description =
        "List the resources of every installed module and what each offers, or, given AREA "
        + "RESOURCE, its filters (with value kinds), sort fields and API operations. Makes no "
        + "network call.")
final class ResourcesCommand implements Callable<Integer> {
  @ParentCommand
  TitanjCommand root;

  @Parameters(index = "0", arity = "0..1", paramLabel = "AREA")
  String area;

  @Parameters(index = "1", arity = "0..1", paramLabel = "RESOURCE")
  String resource;

  @Override
  public Integer call() {
    ResourceRegistry registry = root.context.registry();
    PrintWriter out = root.spec.commandLine().getOut();
    if (resource != null) {
      CliResource d = registry.resolve(area, resource);
      out.println(d.label() + " (" + d.qualifiedName() + "): " + ops(d));
      if (d.canList()) {
        out.println("  filters:");
        for (Map.Entry<String, String> f : d.binder().describeFilters().entrySet()) {
          out.println("    " + f.getKey() + "=<" + f.getValue() + ">");
        }
        List<String> sorts = d.binder().sortFields();
        out.println("  sort: " + (d.binder().sortsByName() ? "+|-<any field name>"
            : sorts.isEmpty() ? "(none)" : "+|-" + String.join(", +|-", sorts)));
      }
      out.println("  API operations (" + d.operations().size() + "):");
      for (OperationDescriptor op : d.operations()) {
        out.printf("    %-6s %s  %s%n", op.method(), op.path(), op.operationId());
      }
      out.flush();
      return ExitCodes.OK;
    }
    if (area != null) {
      registry.requireArea(area);
    }
    for (CliResource d : registry.all()) {
      if (area == null || d.area().equalsIgnoreCase(area)) {
        out.printf("%-11s %-40s %s%n", d.area(), d.name(), ops(d));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String ops(CliResource d) {
    StringBuilder sb = new StringBuilder();
    if (d.canList()) {
      sb.append("query ");
    }
    if (d.canGet()) {
      sb.append("get ");
    }
    if (d.canExport()) {
      sb.append("export");
    }
    return sb.length() == 0 ? "-" : sb.toString().trim();
  }
}
