package dev.titanj.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.testing.FakeServiceTitan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability suite of issue 14: one group per numbered defect of the issue, one per risk it
 * asked to settle, and a secret scan over everything the suite produces. The scenarios live in
 * {@link Issue14Scenarios}; each test here runs one and then checks that no message,
 * {@code toString()} or stack trace it produced holds the client secret, the app key or a token
 * the client received. {@link SecretScan} runs them all again in a child JVM with every logger at
 * TRACE and scans its whole output. The 64 x 2,000-call load run is {@link LoadTest}.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class Issue14ReliabilityTest {
  final Issue14Scenarios.Ledger ledger = new Issue14Scenarios.Ledger();

  @AfterEach
  void noSecretInAnythingTheTestProduced() {
    assertThat(ledger.secretHits()).as("texts holding a secret, app key or token").isEmpty();
  }

  @Nested
  @Order(1)
  class Defect1CredentialsInExceptionMessages {
    @Test
    void apiAndTokenErrorsEchoingCredentials_putNoneIntoMessagesToStringOrStackTraces() {
      Issue14Scenarios.credentialsInMessages(ledger);
    }
  }

  @Nested
  @Order(2)
  class Defect2SecretsReadableFromABuiltClient {
    @Test
    void noPublicMember_handsOutTheSecretTheAppKeyOrAnAuthenticatingHttpClient()
        throws Exception {
      Issue14Scenarios.secretsNotReadableFromAClient(ledger);
    }
  }

  @Nested
  @Order(3)
  class Defect3FeedsAndListsThatNeverEnd {
    @Test
    void stuckOrMissingCursorAndARepeatedPage_endWithTitanExceptionAfterAFewRequests() {
      Issue14Scenarios.loopsThatNeverEnd(ledger);
    }
  }

  @Nested
  @Order(4)
  class Defect4StreamsIgnoringMaxRetryAfterAndCallTimeout {
    @Test
    void streamUnderLongRetryAfter_stopsAtOnce_andUnder29sStaysWithinTheCallTimeout() {
      Issue14Scenarios.streamsHonourMaxRetryAfterAndCallTimeout(ledger);
    }
  }

  @Nested
  @Order(5)
  class Defect5PostsFailingWithoutBeingSent {
    @Test
    void fivePostsOnConnectionsTheServerClosedSilently_areEachCreatedExactlyOnce() {
      Issue14Scenarios.postsOnClosedKeepAliveConnections(ledger);
    }
  }

  @Nested
  @Order(6)
  class Defect6ResetMidBodyOnFindById {
    @Test
    void findById_whenTheBodyIsCutOnce_isRetriedAndSucceeds() {
      Issue14Scenarios.resetMidBodyOnFindById(ledger);
    }
  }

  @Nested
  @Order(7)
  class Defect7AbsurdTokenLifetimes {
    @Test
    void expiresInHugeZeroOrNegative_breaksNoCall_andOneTokenServesTwentyCalls() {
      Issue14Scenarios.absurdTokenLifetimes(ledger);
    }
  }

  @Nested
  @Order(8)
  class Defect8MessageAfterOptedInReplays {
    @Test
    void postReplayedFourTimes_saysSent4TimesNotNotReplayed() {
      Issue14Scenarios.replayedWriteMessageCountsTheSends(ledger);
    }
  }

  @Nested
  @Order(9)
  class Risks {
    @Test
    void abandonedStreams_useAtMostThePoolBoundOfPagingThreads() {
      Issue14Scenarios.abandonedStreamsStayWithinThePool(ledger);
    }

    @Test
    void retryAfterDateInThePast_waitsTheBackoffNeverZero() {
      Issue14Scenarios.retryAfterDateInThePast(ledger);
    }

    @Test
    void withParameter_cannotGetRoundTheIdCapOrThePagingNames() {
      Issue14Scenarios.withParameterKeepsTheCaps(ledger);
    }

    @Test
    void plainHttp_toHostsThatOnlyLookLikeLoopback_isRefused() {
      Issue14Scenarios.httpOnlyToLoopback(ledger);
    }

    @Test
    void close_withCallsInFlight_cancelsThemAndLeavesNoConnection() throws Exception {
      Issue14Scenarios.closeWithCallsInFlight(ledger);
    }

    @Test
    void invalidUtf8Body_isATitanDecodingExceptionWithTheStatus() {
      Issue14Scenarios.invalidUtf8Body(ledger);
    }
  }

  /**
   * Every scenario of the suite again, in a child JVM with every logger at TRACE (so the levels
   * do not depend on which test created a logger first); its whole output (request and header
   * lines, retries, every exception message and stack trace, every toString()) is scanned for the
   * client secret (raw and URL-encoded), the app key and every token issued.
   */
  @Nested
  @Order(10)
  class SecretScan {
    @Test
    @Timeout(300)
    void traceOutputOfTheWholeSuite_holdsNoSecretAppKeyOrIssuedToken(@TempDir Path dir)
        throws Exception {
      Path tokens = dir.resolve("tokens.txt");
      Path output = dir.resolve("output.txt");
      String classpath = System.getProperty("surefire.test.class.path",
          System.getProperty("java.class.path"));
      List<String> cmd = new ArrayList<>(List.of(
          Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
          "-Dorg.slf4j.simpleLogger.showDateTime=false",
          "-cp", classpath, Issue14Scenarios.class.getName(), tokens.toString()));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(output.toFile()).start();
      assertThat(p.waitFor(280, TimeUnit.SECONDS)).as("scenarios finished in time").isTrue();
      String log = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(tail(log)).isZero();

      // The scenarios really ran, and really logged requests and headers at TRACE.
      assertThat(log).contains("scenarios finished: " + Issue14Scenarios.all().size() + " ran, 0 failed")
          .contains("--> headers").contains("Authorization: Bearer <redacted>")
          .contains("ST-App-Key: <redacted>").contains("api ECHO_401 failed")
          .contains("token endpoint echo 500 failed").contains("stack of");
      List<String> issued = Files.readAllLines(tokens, StandardCharsets.UTF_8);
      assertThat(issued).hasSizeGreaterThanOrEqualTo(10).doesNotHaveDuplicates();

      List<String> secrets = new ArrayList<>(List.of(FakeServiceTitan.DEFAULT_CLIENT_SECRET,
          java.net.URLEncoder.encode(FakeServiceTitan.DEFAULT_CLIENT_SECRET,
              StandardCharsets.UTF_8), FakeServiceTitan.DEFAULT_APP_KEY));
      secrets.addAll(issued);
      long hits = log.lines().filter(l -> secrets.stream().anyMatch(l::contains)).count();
      System.out.printf("[reliability] issue 14 secret scan: %d lines of TRACE output, %d issued"
          + " tokens, %d lines with a secret, app key or token%n", log.lines().count(),
          issued.size(), hits);
      assertThat(log.lines().filter(l -> secrets.stream().anyMatch(l::contains)))
          .as("output lines holding a secret, app key or token").isEmpty();
    }

    private String tail(String s) {
      return s.length() <= 6000 ? s : s.substring(s.length() - 6000);
    }
  }
}
