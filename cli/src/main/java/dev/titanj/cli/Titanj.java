package dev.titanj.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the configured picocli {@link CommandLine} of {@code titanj}; used by {@link Main} and by tests. */
public final class Titanj {
  private Titanj() {}

  /** The command line for {@code context}, with TitanJ's error lines and exit codes. */
  public static CommandLine commandLine(CliContext context) {
    TitanjCommand root = new TitanjCommand(context);
    CommandLine cl = new CommandLine(root);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // Help fits the terminal (80 columns when its width is unknown); descriptions are single
    // paragraphs that picocli wraps, never pre-broken lines it would wrap again.
    cl.setUsageHelpAutoWidth(true);
    cl.setUsageHelpLongOptionsMaxWidth(30);
    cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
      ErrorReporter.Report r = ErrorReporter.of(ex, root.action, root.verbose);
      PrintWriter err = cmd.getErr();
      err.println(context.redactor.redact(r.line));
      if (root.verbose) {
        java.io.StringWriter sw = new java.io.StringWriter();
        ex.printStackTrace(new PrintWriter(sw));
        err.print(context.redactor.redact(sw.toString()));
      }
      err.flush();
      return r.exitCode;
    });
    cl.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("titanj: " + context.redactor.redact(ex.getMessage()) + " (see 'titanj "
          + (ex.getCommandLine() == cl ? "" : ex.getCommandLine().getCommandName() + " ") + "--help')");
      err.flush();
      return ExitCodes.USAGE;
    });
    return cl;
  }
}
