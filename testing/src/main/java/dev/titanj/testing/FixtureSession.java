package dev.titanj.testing;

import dev.titanj.core.Environment;
import dev.titanj.core.ServiceTitan;
import dev.titanj.testing.internal.FixtureFile;
import dev.titanj.testing.internal.Scrubber;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/**
 * One record or replay run over one fixture file, without JUnit: it starts a loopback server
 * (a replaying one, or a recording proxy in front of the real API) and hands out a
 * {@link ServiceTitan} pointed at it. Closing a recording session writes the file. The
 * {@link TitanFixturesExtension} drives one session per test.
 *
 * <pre>{@code
 * try (FixtureSession s = FixtureSession.builder(Path.of("src/test/resources/titanj-fixtures/crm/find.json"))
 *     .mode(FixtureMode.REPLAY).open()) {
 *   Crm.of(s.client()).customers().findById(42);
 *   s.verify();   // fails if a request had no recording
 * }
 * }</pre>
 */
public final class FixtureSession implements AutoCloseable {
  /** Credentials the replay client uses; the replay server accepts anything. */
  static final String REPLAY_CLIENT_ID = "replay-client-id";
  static final String REPLAY_CLIENT_SECRET = "replay-client-secret";
  static final String REPLAY_APP_KEY = "replay-app-key";

  private final Path file;
  private final FixtureMode mode;
  private final Scrubber scrubber;
  private final MockWebServer server;
  private final ServiceTitan client;
  private final ReplayDispatcher replay;
  private final RecordingDispatcher recording;
  private final OkHttpClient upstreamHttp;
  private boolean closed;

  private FixtureSession(Builder b) {
    this.file = b.file;
    this.mode = b.mode;
    this.scrubber = new Scrubber(maskNames(b.masks), b.maskFields);
    this.server = new MockWebServer();
    if (mode == FixtureMode.REPLAY) {
      FixtureFile fixture = load(b);
      this.replay = new ReplayDispatcher(fixture, scrubber, server);
      this.recording = null;
      this.upstreamHttp = null;
      server.setDispatcher(replay);
    } else {
      Map<String, String> env = b.environment;
      Environment upstream;
      try (ServiceTitan probe = ServiceTitan.builderFromEnv(env).build()) {
        upstream = probe.environment();
      }
      refuseInCi(env, upstream);
      this.upstreamHttp = new OkHttpClient.Builder().followRedirects(false).build();
      this.recording = new RecordingDispatcher(upstream, upstreamHttp, scrubber, server);
      this.replay = null;
      server.setDispatcher(recording);
    }
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the fixture server", e);
    }
    String host = InetAddress.getLoopbackAddress().getHostAddress();
    URI base = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
        + server.getPort());
    ServiceTitan.Builder cb = mode == FixtureMode.REPLAY
        ? ServiceTitan.builder().clientCredentials(REPLAY_CLIENT_ID, REPLAY_CLIENT_SECRET)
            .appKey(REPLAY_APP_KEY).tenant(b.replayTenant)
        : ServiceTitan.builderFromEnv(b.environment);
    cb.environment(Environment.custom(base, base));
    b.clientCustomizer.accept(cb);
    this.client = cb.build();
  }

  /** Starts configuring a session over {@code file} (read in replay, written in record). */
  public static Builder builder(Path file) {
    return new Builder(file);
  }

  private static Set<String> maskNames(Set<Mask> masks) {
    Set<String> out = new LinkedHashSet<>();
    masks.forEach(m -> out.add(m.name()));
    return out;
  }

  private static FixtureFile load(Builder b) {
    if (Files.isRegularFile(b.file)) {
      return FixtureFile.read(b.file);
    }
    if (b.classpathResource != null) {
      ClassLoader cl = Thread.currentThread().getContextClassLoader();
      InputStream in = (cl == null ? FixtureSession.class.getClassLoader() : cl)
          .getResourceAsStream(b.classpathResource);
      if (in != null) {
        return FixtureFile.read(in, b.classpathResource);
      }
    }
    throw new IllegalStateException("No fixture at " + b.file
        + (b.classpathResource == null ? "" : " or on the classpath at " + b.classpathResource)
        + ". Record it once with -D" + FixtureMode.PROPERTY + "=record (or "
        + FixtureMode.ENVIRONMENT_VARIABLE + "=record) and ST_* credentials of a sandbox tenant.");
  }

  private static void refuseInCi(Map<String, String> env, Environment upstream) {
    String ci = System.getenv("CI");
    if (ci == null || ci.isBlank()) {
      ci = env.get("CI");
    }
    if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")
        && !isLoopback(upstream.apiBase())) {
      throw new IllegalStateException("Recording fixtures is refused when CI is set; record on a "
          + "developer machine and commit the files (recording against a loopback fake server is "
          + "allowed)");
    }
  }

  private static boolean isLoopback(URI uri) {
    String h = uri.getHost();
    if (h == null) {
      return false;
    }
    h = h.startsWith("[") ? h.substring(1, h.length() - 1) : h;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  /** The client to hand to the code under test; closed with the session. */
  public ServiceTitan client() {
    return client;
  }

  public FixtureMode mode() {
    return mode;
  }

  /** The fixture file. */
  public Path file() {
    return file;
  }

  /** Replay requests that had no recording, described with the closest recorded one. */
  public List<String> unmatchedRequests() {
    return replay == null ? List.of() : replay.misses();
  }

  /** Number of exchanges recorded so far (record mode), the synthetic token exchange included. */
  public int recordedCount() {
    return recording == null ? 0 : recording.recorded().size();
  }

  /**
   * Fails with an {@link AssertionError} listing every replay request that had no recording.
   */
  public void verify() {
    List<String> misses = unmatchedRequests();
    if (!misses.isEmpty()) {
      throw new AssertionError("Fixture " + file + " has no recording for "
          + misses.size() + " request(s):\n  " + String.join("\n  ", misses)
          + "\nRe-record with -D" + FixtureMode.PROPERTY + "=record if the code's requests changed.");
    }
  }

  /** Stops the server and closes the client; a recording session writes its file first. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (recording != null) {
        new FixtureFile(Instant.now().toString(), scrubber.maskNames(), recording.recorded())
            .write(file);
      }
    } finally {
      client.close();
      server.close();
      if (upstreamHttp != null) {
        upstreamHttp.dispatcher().executorService().shutdown();
        upstreamHttp.connectionPool().evictAll();
      }
    }
  }

  @Override
  public String toString() {
    return "FixtureSession{" + mode + ", " + file + "}";
  }

  /** Configures a {@link FixtureSession}. */
  public static final class Builder {
    private final Path file;
    private FixtureMode mode = FixtureMode.REPLAY;
    private Map<String, String> environment = System.getenv();
    private final Set<Mask> masks = new LinkedHashSet<>();
    private final Set<String> maskFields = new LinkedHashSet<>();
    private long replayTenant = FakeServiceTitan.DEFAULT_TENANT_ID;
    private Consumer<ServiceTitan.Builder> clientCustomizer = c -> { };
    private String classpathResource;

    private Builder(Path file) {
      this.file = Objects.requireNonNull(file, "file");
    }

    public Builder mode(FixtureMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Where {@code ST_*} credentials come from in record mode; default the process environment. */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
      return this;
    }

    /** Personal-data masks applied when recording (and to requests when matching). */
    public Builder mask(Mask... masks) {
      this.masks.addAll(Arrays.asList(masks));
      return this;
    }

    /** Further JSON field or query parameter names whose values are masked. */
    public Builder maskFields(String... fields) {
      for (String f : fields) {
        if (f == null || f.isBlank()) {
          throw new IllegalArgumentException("maskFields must not contain blank names");
        }
        maskFields.add(f);
      }
      return this;
    }

    /** The tenant id of the replay client (paths are matched with the tenant templated). */
    public Builder replayTenant(long tenant) {
      if (tenant <= 0) {
        throw new IllegalArgumentException("replayTenant must be positive, was " + tenant);
      }
      this.replayTenant = tenant;
      return this;
    }

    /** Adjusts the client before it is built (timeouts, retries, cache...). */
    public Builder client(Consumer<ServiceTitan.Builder> customizer) {
      this.clientCustomizer = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /** A classpath resource to replay from when {@code file} does not exist. */
    public Builder classpathFallback(String resource) {
      this.classpathResource = resource;
      return this;
    }

    /**
     * Opens the session.
     *
     * @throws IllegalStateException in replay when the fixture does not exist, in record when
     *     {@code CI} is set and the upstream is not loopback
     * @throws IllegalArgumentException in record when {@code ST_*} variables are missing
     */
    public FixtureSession open() {
      return new FixtureSession(this);
    }
  }
}
