package dev.titanj.cli;

import dev.titanj.cli.fixture.FixtureModules;
import dev.titanj.cli.internal.Sandbox;
import dev.titanj.cli.internal.StopSignal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import picocli.CommandLine;

/** Runs {@code titanj} in-process with captured output. */
final class Cli {
  static final String SANDBOX_SECRET = "sandbox-secret-XYZ";
  static final String SANDBOX_APP_KEY = "sandbox-appkey-XYZ";

  final int exitCode;
  final String out;
  final String err;

  private Cli(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  static Cli run(CliContext context, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Titanj.commandLine(context);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Cli(code, out.toString(), err.toString());
  }

  /** Fixture modules, no credentials (sandbox mode with a stub sandbox), no home config. */
  static CliContext fixtures() {
    return fixtures(Map.of(), null, new StopSignal());
  }

  static CliContext fixtures(Map<String, String> env, Path home, StopSignal stop) {
    return new CliContext(env, home, FixtureModules.catalog(), port -> new StubSandbox(), stop,
        false, false);
  }

  /** A sandbox that serves nothing: the fixture modules never call the network. */
  static final class StubSandbox implements Sandbox {
    @Override
    public Map<String, String> environmentVariables() {
      return Map.of("ST_API_BASE_URL", "http://127.0.0.1:9", "ST_AUTH_BASE_URL", "http://127.0.0.1:9",
          "ST_CLIENT_ID", "sandbox-client", "ST_CLIENT_SECRET", SANDBOX_SECRET,
          "ST_APP_KEY", SANDBOX_APP_KEY, "ST_TENANT_ID", "42");
    }

    @Override
    public OptionalLong requestCount() {
      return OptionalLong.of(7);
    }

    @Override
    public void close() {}
  }

  @Override
  public String toString() {
    return "exit=" + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
