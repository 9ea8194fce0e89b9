package dev.titanj.benchmarks;

import dev.titanj.core.Environment;
import dev.titanj.core.ServiceTitan;
import dev.titanj.crm.Crm;
import dev.titanj.crm.model.Customer;
import dev.titanj.testing.FakeServiceTitan;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a user's {@code main} pays in a fresh JVM, run by {@link FreshJvmRuns} in new JVMs against
 * the fake server at {@code args[1]}, with a client of default settings. Two tasks:
 *
 * <ul>
 *   <li>{@code first <url>}: reads one customer; prints {@code FIRST <ms from main to the first
 *       record> <ms to build()> <ms to Crm.of> <id>}
 *   <li>{@code sync <url> <pageSize>}: streams every customer at that page size; prints
 *       {@code SYNC <ms from main to the last record> <records>}
 * </ul>
 *
 * <p>Nothing here touches JMX or the fake server's classes (its credentials are compile-time
 * constants), so the figure is the client's own.
 */
public final class FirstRecordMain {
  private FirstRecordMain() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    URI base = URI.create(args[1]);
    try (ServiceTitan st = ServiceTitan.builder()
        .environment(Environment.custom(base, base))
        .clientCredentials(FakeServiceTitan.DEFAULT_CLIENT_ID, FakeServiceTitan.DEFAULT_CLIENT_SECRET)
        .appKey(FakeServiceTitan.DEFAULT_APP_KEY)
        .tenant(FakeServiceTitan.DEFAULT_TENANT_ID)
        .build()) {
      long built = System.nanoTime();
      Crm crm = Crm.of(st);
      long module = System.nanoTime();
      if (args[0].equals("first")) {
        Optional<Customer> first = crm.customers().query().first();
        long end = System.nanoTime();
        System.out.printf(Locale.ROOT, "FIRST %.1f %.1f %.1f %s%n", (end - start) / 1e6,
            (built - start) / 1e6, (module - built) / 1e6,
            first.map(c -> Long.toString(c.id())).orElse("none"));
      } else {
        int pageSize = Integer.parseInt(args[2]);
        long n;
        try (Stream<Customer> s = crm.customers().query().pageSize(pageSize).stream()) {
          n = s.count();
        }
        long end = System.nanoTime();
        System.out.printf(Locale.ROOT, "SYNC %.1f %d%n", (end - start) / 1e6, n);
      }
    }
  }
}
