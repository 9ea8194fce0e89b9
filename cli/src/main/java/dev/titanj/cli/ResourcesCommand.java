package dev.titanj.cli;

import dev.titanj.cli.internal.ResourceDescriptor;
import dev.titanj.cli.internal.ResourceRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code titanj resources [AREA [RESOURCE]]}: lists resources, or one resource's filters and sort fields. */
@Command(mixinStandardHelpOptions = true, header = "List resources, or one resource's filters and sort fields.", name = "resources", descriptionHeading = "%n", optionListHeading = "%n", description =
        "List the resources of every module and what each offers, or, given AREA "
        + "RESOURCE, its filters (with value kinds) and sort fields. Makes no network call.")
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
      ResourceDescriptor d = registry.resolve(area, resource);
      out.println(d.label() + ": " + ops(d));
      if (d.canList()) {
        List<Class<?>> args = d.queryArguments();
        if (!args.isEmpty()) {
          out.println("  path arguments (--arg): " + args.size());
        }
        out.println("  filters:");
        for (Map.Entry<String, String> f : d.binder().describeFilters().entrySet()) {
          out.println("    " + f.getKey() + "=<" + f.getValue() + ">");
        }
        List<String> sorts = d.binder().sortFields();
        out.println("  sort: " + (d.binder().sortsByName() ? "+|-<any field name>"
            : sorts.isEmpty() ? "(none)" : "+|-" + String.join(", +|-", sorts)));
      }
      out.flush();
      return ExitCodes.OK;
    }
    for (ResourceDescriptor d : registry.all()) {
      if (area == null || d.area().equalsIgnoreCase(area)) {
        out.printf("%-11s %-40s %s%n", d.area(), d.name(), ops(d));
      }
    }
    if (!registry.missingAreas().isEmpty()) {
      root.spec.commandLine().getErr().println("titanj: modules not in this build: "
          + String.join(", ", registry.missingAreas()));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String ops(ResourceDescriptor d) {
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
    return sb.toString().trim();
  }
}
