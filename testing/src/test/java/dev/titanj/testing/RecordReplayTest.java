package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.Active;
import dev.titanj.core.ServerException;
import dev.titanj.core.ServiceTitan;
import dev.titanj.testing.support.RawCustomers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record against the fake server standing in for the real API, stop it, replay the same code
 * from the written file; the file holds no secret.
 */
class RecordReplayTest {
  @TempDir
  Path dir;
  private FakeServiceTitan fake;
  private Path file;

  @BeforeEach
  void start() {
    fake = FakeServiceTitan.start(FakeServiceTitan.Options.defaults().customers(40)
        .clientCredentials("cid.recordtestclient01", "cs1.Sup3rS3cretValue0123456789abcdef")
        .appKey("ak1.appkeyvalue9876543210zyx"));
    file = dir.resolve("crm/customers/scenario.json");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  /** The code under test: a few reads and a write. */
  private static Map<String, Object> scenario(ServiceTitan st) {
    RawCustomers customers = new RawCustomers(st);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("firstPage", customers.query().active(Active.ANY).name("a").pageSize(5).page(1)
        .items().stream().map(RawCustomers::id).collect(Collectors.toList()));
    out.put("count", customers.query().count());
    out.put("found", customers.findById(1_000_003L).isPresent());
    out.put("missing", customers.findById(1L).isPresent());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Jane Example");
    body.put("address", Map.of("street", "12 Secret Garden Rd", "city", "Austin", "state", "TX",
        "zip", "78701", "country", "USA"));
    Map<String, Object> created = customers.create(body);
    out.put("createdId", RawCustomers.id(created));
    out.put("createdVisible", customers.findById(RawCustomers.id(created)).isPresent());
    return out;
  }

  private FixtureSession.Builder recorder() {
    return FixtureSession.builder(file).mode(FixtureMode.RECORD)
        .environment(fake.environmentVariables());
  }

  @Test
  void recordThenReplay_withTheServerStopped_givesTheSameResults() throws IOException {
    Map<String, Object> recorded;
    try (FixtureSession s = recorder().open()) {
      recorded = scenario(s.client());
      assertThat(s.recordedCount()).isEqualTo(7); // synthetic token + 6 calls
    }
    fake.close();

    Map<String, Object> replayed;
    try (FixtureSession s = FixtureSession.builder(file).open()) {
      replayed = scenario(s.client());
      s.verify();
    }

    assertThat(replayed).isEqualTo(recorded);
    assertThat((List<?>) recorded.get("firstPage")).isNotEmpty();
    assertThat(recorded.get("found")).isEqualTo(true);
    assertThat(recorded.get("missing")).isEqualTo(false);
  }

  @Test
  void writtenFile_isReadableJson_withTenantTemplated_andNoSecrets() throws IOException {
    try (FixtureSession s = recorder().open()) {
      scenario(s.client());
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);

    assertThat(FixtureScanner.scan(dir)).isEmpty();
    assertThat(text)
        .contains("\"format\": \"titanj-fixtures/1\"")
        .contains("/crm/v2/tenant/{tenant}/customers")
        .doesNotContain("/tenant/" + fake.tenantId())
        .doesNotContain("cs1.Sup3rS3cretValue0123456789abcdef")
        .doesNotContain("ak1.appkeyvalue9876543210zyx")
        .doesNotContain("cid.recordtestclient01")
        .doesNotContainPattern("(?i)bearer [A-Za-z0-9]")
        .doesNotContain("client_secret")
        .doesNotContain("ST-App-Key")
        .contains("\"access_token\": \"" + FixtureScanner.SYNTHETIC_TOKEN + "\"");
    assertThat(text.lines().count()).isGreaterThan(50); // pretty-printed, one field a line
  }

  @Test
  void masks_replacePersonalData_consistently_andMaskedRequestsStillMatch() throws IOException {
    Map<String, Object> recorded;
    try (FixtureSession s = recorder().mask(Mask.NAMES, Mask.ADDRESSES, Mask.EMAILS, Mask.PHONES)
        .open()) {
      recorded = scenario(s.client());
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<Map<String, Object>> customers = fake.records("crm/customers");

    assertThat(text).doesNotContain("Jane Example").doesNotContain("Secret Garden")
        .contains("\"masks\": [");
    for (Map<String, Object> c : customers.subList(0, 10)) {
      assertThat(text).doesNotContain("\"" + c.get("name") + "\"");
      assertThat(text).doesNotContain((String) ((Map<?, ?>) c.get("address")).get("street"));
    }
    fake.close();
    try (FixtureSession s = FixtureSession.builder(file)
        .mask(Mask.NAMES, Mask.ADDRESSES, Mask.EMAILS, Mask.PHONES).open()) {
      assertThat(scenario(s.client())).isEqualTo(recorded); // the POST body and name= matched
      s.verify();
    }
  }

  @Test
  void replay_matchesQueryParametersInAnyOrder() {
    try (FixtureSession s = recorder().open()) {
      new RawCustomers(s.client()).query().name("a").active(Active.ANY).page(1);
    }
    try (FixtureSession s = FixtureSession.builder(file).open()) {
      assertThat(new RawCustomers(s.client()).query().active(Active.ANY).name("a").page(1).items())
          .isNotEmpty();
      s.verify();
    }
  }

  @Test
  void replay_servesRepeatedRequestsInRecordedOrder() {
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("name", "After Update");
    try (FixtureSession s = recorder().open()) {
      RawCustomers c = new RawCustomers(s.client());
      c.findById(1_000_001L);
      c.update(1_000_001L, patch);
      c.findById(1_000_001L);
    }
    fake.close();
    try (FixtureSession s = FixtureSession.builder(file).open()) {
      RawCustomers c = new RawCustomers(s.client());
      Object before = c.findById(1_000_001L).get().get("name");
      c.update(1_000_001L, patch);
      Object after = c.findById(1_000_001L).get().get("name");
      Object again = c.findById(1_000_001L).get().get("name");

      assertThat(before).isNotEqualTo("After Update");
      assertThat(after).isEqualTo("After Update");
      assertThat(again).isEqualTo("After Update"); // the last match repeats
      s.verify();
    }
  }

  @Test
  void replay_ofAnUnrecordedRequest_failsNamingTheRequestAndTheClosestRecording() {
    try (FixtureSession s = recorder().open()) {
      new RawCustomers(s.client()).query().name("a").page(1);
    }
    try (FixtureSession s = FixtureSession.builder(file).open()) {
      RawCustomers c = new RawCustomers(s.client());

      assertThatThrownBy(() -> c.query().name("b").page(1))
          .isInstanceOf(ServerException.class)
          .hasMessageContaining("No recorded exchange matches GET /crm/v2/tenant/{tenant}/customers")
          .hasMessageContaining("name=b")
          .hasMessageContaining("closest recorded")
          .hasMessageContaining("name=a");
      assertThatThrownBy(s::verify).isInstanceOf(AssertionError.class)
          .hasMessageContaining("name=b").hasMessageContaining("-Dtitanj.fixtures=record");
    }
  }

  @Test
  void replay_ofAWriteWithADifferentBody_isAMiss() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("name", "A");
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("name", "B");
    try (FixtureSession s = recorder().open()) {
      new RawCustomers(s.client()).update(1_000_001L, a);
    }
    try (FixtureSession s = FixtureSession.builder(file).open()) {
      RawCustomers c = new RawCustomers(s.client());
      assertThat(c.update(1_000_001L, a).get("name")).isEqualTo("A");
      assertThatThrownBy(() -> c.update(1_000_001L, b)).isInstanceOf(ServerException.class)
          .hasMessageContaining("PATCH");
      assertThat(s.unmatchedRequests()).hasSize(1);
    }
  }

  @Test
  void replay_withoutAFixture_explainsHowToRecord() {
    assertThatThrownBy(() -> FixtureSession.builder(dir.resolve("none.json")).open())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("-Dtitanj.fixtures=record");
  }

  @Test
  void record_isRefusedInCi_againstANonLoopbackApi() {
    Map<String, String> env = new LinkedHashMap<>(fake.environmentVariables());
    env.put("ST_API_BASE_URL", "https://api-integration.servicetitan.io");
    env.put("ST_AUTH_BASE_URL", "https://auth-integration.servicetitan.io");
    env.put("CI", "true");

    assertThatThrownBy(() -> FixtureSession.builder(file).mode(FixtureMode.RECORD)
        .environment(env).open())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("CI");
    assertThat(file).doesNotExist();
  }

  @Test
  void record_withoutCredentials_failsNamingTheVariable() {
    assertThatThrownBy(() -> FixtureSession.builder(file).mode(FixtureMode.RECORD)
        .environment(Map.of()).open())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ST_CLIENT_ID");
  }
}
