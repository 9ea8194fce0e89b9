package dev.titanj.benchmarks;

import dev.titanj.testing.FakeServiceTitan;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Runs a {@link FakeServiceTitan} in its own JVM for the harness, so the server's dataset and
 * work never count against the measured client's heap. Prints {@code READY <baseUrl>} when it
 * serves, then answers one command per line on stdin: {@code latency <ms>}, {@code stats}
 * (prints {@code STATS <tokenRequests> <customerListRequests> <allRequests>}) and {@code quit}
 * (or end of input).
 *
 * <p>Arguments: {@code --customers N} (default 100000), {@code --invoices N} (default 10).
 */
public final class FakeServerMain {
  private FakeServerMain() {}

  public static void main(String[] args) throws Exception {
    int customers = 100_000;
    int invoices = 10;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--customers": customers = Integer.parseInt(args[++i]); break;
        case "--invoices": invoices = Integer.parseInt(args[++i]); break;
        default: throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (FakeServiceTitan fake = FakeServiceTitan.start(options(customers, invoices))) {
      out.println("READY " + fake.baseUrl());
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        String[] cmd = line.trim().split("\\s+");
        if (cmd[0].equals("quit")) {
          break;
        } else if (cmd[0].equals("latency")) {
          fake.faults().latency(Duration.ofMillis(Long.parseLong(cmd[1])));
          fake.faults().tokenLatency(Duration.ofMillis(Long.parseLong(cmd[1])));
          out.println("OK");
        } else if (cmd[0].equals("stats")) {
          out.println("STATS " + fake.tokenRequestCount() + " " + customerRequests(fake) + " "
              + allRequests(fake));
        } else {
          out.println("ERROR unknown command " + cmd[0]);
        }
      }
    }
  }

  /** The dataset the benchmarks use: N customers, few of everything else, request log off. */
  static FakeServiceTitan.Options options(int customers, int invoices) {
    return FakeServiceTitan.Options.defaults()
        .customers(customers)
        .invoices(invoices)
        .payments(Math.min(invoices, 5))
        .appointmentAssignments(10)
        .technicianShifts(10)
        .requestLogLimit(1);
  }

  static long customerRequests(FakeServiceTitan fake) {
    return fake.requestCount("/crm/v2/tenant/" + fake.tenantId() + "/customers");
  }

  static long allRequests(FakeServiceTitan fake) {
    long n = 0;
    for (Map.Entry<String, Long> e : fake.requestCounts().entrySet()) {
      n += e.getValue();
    }
    return n;
  }
}
