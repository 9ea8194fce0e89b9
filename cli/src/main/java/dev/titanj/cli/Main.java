package dev.titanj.cli;

import dev.titanj.cli.internal.Logging;
import java.util.Arrays;

/** Entry point of the {@code titanj} command; see {@code titanj --help}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Before any logger exists: slf4j-simple reads its configuration once.
    Logging.configure(Arrays.stream(args).anyMatch(a -> a.equals("-v") || a.equals("--verbose")));
    int code = Titanj.commandLine(CliContext.system()).execute(args);
    System.exit(code);
  }
}
