package dev.titanj.cli;

import dev.titanj.cli.internal.Sandbox;
import dev.titanj.cli.internal.StopSignal;
import dev.titanj.cli.internal.UsageException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code titanj sandbox}: runs the embedded fake ServiceTitan until Ctrl-C. */
@Command(mixinStandardHelpOptions = true, header = "Run the embedded fake ServiceTitan and print its ST_* variables.", name = "sandbox", descriptionHeading = "%n", optionListHeading = "%n", description =
        "Run the embedded fake ServiceTitan (seeded demo data) until stopped with Ctrl-C, "
        + "and print on stdout the 'export ST_...=...' lines that point a program (or "
        + "titanj in another shell) at it.")
final class SandboxCommand implements Callable<Integer> {
  @ParentCommand
  TitanjCommand root;

  @Option(names = "--port", paramLabel = "P", defaultValue = "0",
      description = "Port to listen on (default: any free port).")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    root.action = "sandbox";
    if (port < 0 || port > 65_535) {
      throw new UsageException("--port must be between 0 and 65535, was " + port);
    }
    PrintWriter out = root.spec.commandLine().getOut();
    PrintWriter err = root.spec.commandLine().getErr();
    StopSignal stop = root.context.stop;
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = root.context.installShutdownHook ? new Thread(() -> {
      stop.requestStop();
      try {
        done.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "titanj-sandbox-stop") : null;
    try (Sandbox sandbox = root.sandboxes().start(port)) {
      if (hook != null) {
        Runtime.getRuntime().addShutdownHook(hook);
      }
      Map<String, String> vars = new TreeMap<>(sandbox.environmentVariables());
      err.println("*** SANDBOX: fake ServiceTitan running at " + vars.get("ST_API_BASE_URL")
          + " with seeded demo data. Press Ctrl-C to stop. ***");
      err.println("# Point a program at it with:");
      err.flush();
      vars.forEach((k, v) -> out.println("export " + k + "=" + shellQuote(v)));
      out.flush();
      stop.await();
      err.println("titanj: sandbox stopped");
      err.flush();
    } finally {
      done.countDown();
    }
    return ExitCodes.OK;
  }

  static String shellQuote(String v) {
    return v.matches("[A-Za-z0-9_./:@%+=,-]+") ? v : "'" + v.replace("'", "'\\''") + "'";
  }
}
