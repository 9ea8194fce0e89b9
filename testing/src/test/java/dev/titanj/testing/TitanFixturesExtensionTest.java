package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.titanj.core.Active;
import dev.titanj.core.ServiceTitan;
import dev.titanj.testing.support.LaunchedOnly;
import dev.titanj.testing.support.RawCustomers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs a real test class through the JUnit Platform twice: once in record mode against the fake
 * server standing in for ServiceTitan, then in replay mode with the server stopped.
 */
class TitanFixturesExtensionTest {
  @TempDir
  Path dir;

  static Path root;
  static Map<String, String> env;

  @AfterEach
  void reset() {
    root = null;
    env = null;
  }

  /** The "user" test; runs only through the launcher below. */
  @ExtendWith(LaunchedOnly.class)
  static class CustomerScenario {
    @RegisterExtension
    static TitanFixturesExtension fixtures = TitanFixturesExtension.builder()
        .name("crm/customers")
        .environment(() -> env).mask(Mask.NAMES).build();

    @Test
    void readsActiveCustomers(ServiceTitan st, FixtureSession session) {
      RawCustomers customers = new RawCustomers(st);
      assertThat(customers.query().active(Active.TRUE).pageSize(10).page(1).items()).hasSize(10);
      assertThat(customers.findById(1_000_002L)).isPresent();
      assertThat(session.file().toString()).endsWith("readsActiveCustomers.json");
    }
  }

  /** Asks for something that was never recorded, and swallows the error. */
  @ExtendWith(LaunchedOnly.class)
  static class SwallowingScenario {
    @RegisterExtension
    static TitanFixturesExtension fixtures = TitanFixturesExtension.builder()
        .name("crm/customers").environment(() -> env).build();

    @Test
    void readsActiveCustomers(ServiceTitan st) {
      try {
        new RawCustomers(st).findById(424_242L);
      } catch (RuntimeException ignored) {
        // the extension still fails the test
      }
    }
  }

  /** One method replays a recording; the other makes no call and has no fixture file. */
  @ExtendWith(LaunchedOnly.class)
  static class MixedScenario {
    @RegisterExtension
    static TitanFixturesExtension fixtures = TitanFixturesExtension.builder()
        .name("crm/customers").environment(() -> env).build();

    @Test
    void readsActiveCustomers(ServiceTitan st) {
      assertThat(new RawCustomers(st).findById(1_000_002L)).isPresent();
    }

    @Test
    void computesLocally() {
      assertThat(Math.addExact(2, 2)).isEqualTo(4);
    }
  }

  private TestExecutionSummary run(Class<?> testClass, String mode) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(testClass))
        .configurationParameter(FixtureMode.PROPERTY, mode)
        .configurationParameter(LaunchedOnly.PARAMETER, "true")
        .configurationParameter(TitanFixturesExtension.ROOT_PROPERTY, root.toString())
        .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    return listener.getSummary();
  }

  @Test
  void recordWithTheFakeServer_thenReplayWithItStopped() throws Exception {
    root = dir;
    Path file = dir.resolve("crm/customers/readsActiveCustomers.json");
    CustomerScenario.fixtures = TitanFixturesExtension.builder().name("crm/customers")
        .environment(() -> env).mask(Mask.NAMES).build();
    try (FakeServiceTitan fake = FakeServiceTitan.start()) {
      env = fake.environmentVariables();
      TestExecutionSummary recorded = run(CustomerScenario.class, "record");
      assertThat(recorded.getTestsSucceededCount()).as(failures(recorded)).isEqualTo(1);
      assertThat(fake.requests()).isNotEmpty();
    }
    env = null; // replay must not need credentials
    assertThat(file).exists();
    assertThat(FixtureScanner.scan(dir)).isEmpty();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain(FakeServiceTitan.DEFAULT_CLIENT_SECRET)
        .doesNotContain(FakeServiceTitan.DEFAULT_APP_KEY).contains("\"NAMES\"");

    TestExecutionSummary replayed = run(CustomerScenario.class, "replay");

    assertThat(replayed.getTestsSucceededCount()).as(failures(replayed)).isEqualTo(1);
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(text); // replay never writes
  }

  @Test
  void replay_failsTheTest_whenARequestHadNoRecording_evenIfTheCodeSwallowedTheError() {
    root = dir;
    try (FakeServiceTitan fake = FakeServiceTitan.start()) {
      env = fake.environmentVariables();
      CustomerScenario.fixtures = TitanFixturesExtension.builder().name("crm/customers")
          .environment(() -> env).build();
      assertThat(run(CustomerScenario.class, "record").getTestsSucceededCount()).isEqualTo(1);
    }

    TestExecutionSummary summary = run(SwallowingScenario.class, "replay");

    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
    Throwable failure = summary.getFailures().get(0).getException();
    assertThat(failure).isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /crm/v2/tenant/{tenant}/customers/424242")
        .hasMessageContaining("closest recorded: GET /crm/v2/tenant/{tenant}/customers/1000002");
  }

  @Test
  void replay_withoutAFixtureFile_failsWithHowToRecord() {
    root = dir;
    TestExecutionSummary summary = run(SwallowingScenario.class, "replay");

    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
    assertThat(summary.getFailures().get(0).getException())
        .hasMessageContaining("titanj.fixtures=record");
  }

  @Test
  void replay_methodThatAsksForNoClient_needsNoFixtureFile_besideOneThatReplays() {
    root = dir;
    try (FakeServiceTitan fake = FakeServiceTitan.start()) {
      env = fake.environmentVariables();
      CustomerScenario.fixtures = TitanFixturesExtension.builder().name("crm/customers")
          .environment(() -> env).build();
      assertThat(run(CustomerScenario.class, "record").getTestsSucceededCount()).isEqualTo(1);
    }
    env = null;

    TestExecutionSummary summary = run(MixedScenario.class, "replay");

    assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(2);
    assertThat(dir.resolve("crm/customers/computesLocally.json")).doesNotExist();
  }

  @Test
  void modeParsing_acceptsRecordAndReplay_andRejectsTypos() {
    assertThat(FixtureMode.parse(null)).isEqualTo(FixtureMode.REPLAY);
    assertThat(FixtureMode.parse("RECORD")).isEqualTo(FixtureMode.RECORD);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> FixtureMode.parse("recrod"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("titanj.fixtures");
  }

  private static String failures(TestExecutionSummary s) {
    StringBuilder sb = new StringBuilder();
    s.getFailures().forEach(f -> sb.append(f.getTestIdentifier().getDisplayName()).append(": ")
        .append(f.getException()).append('\n'));
    return sb.toString();
  }
}
