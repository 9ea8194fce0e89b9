package dev.titanj.benchmarks;

import dev.titanj.core.Environment;
import dev.titanj.core.RateLimit;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import dev.titanj.testing.FakeServiceTitan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fake ServiceTitan the harness measures against: either in this JVM (smoke tests) or in a
 * child JVM started from the same class path (measurements, so the server's dataset and work
 * stay out of the client's heap figures).
 */
abstract class BenchServer implements AutoCloseable {
  /** Request counters of the server at one moment. */
  static final class Stats {
    final long tokenRequests;
    final long customerListRequests;
    final long allRequests;

    Stats(long tokenRequests, long customerListRequests, long allRequests) {
      this.tokenRequests = tokenRequests;
      this.customerListRequests = customerListRequests;
      this.allRequests = allRequests;
    }

    Stats minus(Stats before) {
      return new Stats(tokenRequests - before.tokenRequests,
          customerListRequests - before.customerListRequests, allRequests - before.allRequests);
    }
  }

  abstract URI baseUrl();

  abstract void latency(long millis);

  abstract Stats stats();

  @Override
  public abstract void close();

  /** A new client for this server: default settings, no retries, the given rate limit. */
  ServiceTitan.Builder clientBuilder(RateLimit rateLimit) {
    return ServiceTitan.builder()
        .environment(Environment.custom(baseUrl(), baseUrl()))
        .clientCredentials(FakeServiceTitan.DEFAULT_CLIENT_ID, FakeServiceTitan.DEFAULT_CLIENT_SECRET)
        .appKey(FakeServiceTitan.DEFAULT_APP_KEY)
        .tenant(FakeServiceTitan.DEFAULT_TENANT_ID)
        .retryPolicy(RetryPolicy.none())
        .rateLimit(rateLimit)
        .readTimeout(Duration.ofSeconds(60))
        .callTimeout(Duration.ofSeconds(90));
  }

  static BenchServer inProcess(int customers) {
    return new InProcess(FakeServiceTitan.start(FakeServerMain.options(customers, 10)));
  }

  static BenchServer child(int customers, String heap) {
    return new Child(customers, heap);
  }

  private static final class InProcess extends BenchServer {
    private final FakeServiceTitan fake;

    InProcess(FakeServiceTitan fake) {
      this.fake = fake;
    }

    @Override
    URI baseUrl() {
      return fake.baseUrl();
    }

    @Override
    void latency(long millis) {
      fake.faults().latency(Duration.ofMillis(millis)).tokenLatency(Duration.ofMillis(millis));
    }

    @Override
    Stats stats() {
      return new Stats(fake.tokenRequestCount(), FakeServerMain.customerRequests(fake),
          FakeServerMain.allRequests(fake));
    }

    @Override
    public void close() {
      fake.close();
    }
  }

  private static final class Child extends BenchServer {
    private final Process process;
    private final BufferedReader in;
    private final Writer out;
    private final URI base;

    Child(int customers, String heap) {
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseParallelGC",
          "-cp", System.getProperty("java.class.path"), FakeServerMain.class.getName(),
          "--customers", Integer.toString(customers)));
      try {
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        out = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String ready = in.readLine();
        if (ready == null || !ready.startsWith("READY ")) {
          process.destroy();
          throw new IllegalStateException("fake server did not start: " + ready);
        }
        base = URI.create(ready.substring(6).trim());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private synchronized String command(String line) {
      try {
        out.write(line + "\n");
        out.flush();
        return in.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    URI baseUrl() {
      return base;
    }

    @Override
    void latency(long millis) {
      command("latency " + millis);
    }

    @Override
    Stats stats() {
      String[] s = command("stats").split(" ");
      return new Stats(Long.parseLong(s[1]), Long.parseLong(s[2]), Long.parseLong(s[3]));
    }

    @Override
    public void close() {
      try {
        out.write("quit\n");
        out.flush();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroy();
        }
      } catch (IOException e) {
        process.destroy();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroy();
      }
    }
  }
}
