package dev.titanj.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.RateLimit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the harness code paths on a tiny in-process dataset: every paging mode delivers every
 * record exactly once with one token request. No timing is asserted; the figures come from
 * running the harness itself (see RESULTS.md).
 */
class SyncHarnessSmokeTest {
  private static final int CUSTOMERS = 1_234;
  private static BenchServer server;

  @BeforeAll
  static void start() {
    server = BenchServer.inProcess(CUSTOMERS);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void sync_inEveryMode_countsEveryCustomerExactlyOnce_withOneTokenRequest() {
    for (SyncHarness.Mode mode : SyncHarness.Mode.values()) {
      SyncHarness.SyncResult r =
          SyncHarness.runSync(server, mode, 500, 0, 0, RateLimit.unlimited());

      assertThat(r.records).as(mode.label()).isEqualTo(CUSTOMERS);
      // ceil(1234 / 500) pages: no page is requested twice or past the last one
      assertThat(r.requests).as(mode.label()).isEqualTo(3);
      assertThat(r.tokenRequests).as(mode.label()).isEqualTo(1);
    }
  }

  @Test
  void sync_withLimit_stopsAtTheLimit() {
    SyncHarness.SyncResult r =
        SyncHarness.runSync(server, SyncHarness.Mode.PARALLEL4, 100, 250, 0, RateLimit.unlimited());

    assertThat(r.records).isEqualTo(250);
    assertThat(r.requests).isEqualTo(3);
  }

  @Test
  void coldStart_manyThreadsOnANewClient_causeOneTokenRequest() throws InterruptedException {
    SyncHarness.ColdStartResult r = SyncHarness.runColdStart(server, 16, RateLimit.unlimited());

    assertThat(r.tokenRequests).isEqualTo(1);
    assertThat(r.firstRecords).isEqualTo(16);
  }

  @Test
  void decodeMillisPerPage_decodesARealPage() {
    assertThat(SyncHarness.decodeMillisPerPage(server, 100)).isPositive();
  }

  @Test
  void payloads_holdTheRequestedNumberOfRecords() throws Exception {
    DecodeBenchmark b = new DecodeBenchmark();
    b.setUp(); // checks 5,000 customers and 5,000 invoices decode both ways

    assertThat(b.customersValueTypes().data).hasSize(DecodeBenchmark.PAGE);
    assertThat(b.invoicesPlainMoshi().data).hasSize(DecodeBenchmark.PAGE);
    assertThat(b.invoicesValueTypes().data.get(0).id())
        .isEqualTo(b.invoicesPlainMoshi().data.get(0).id);
  }
}
