package dev.titanj.core.http;

import static dev.titanj.core.support.FakeServiceTitanServer.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.Environment;
import dev.titanj.core.RateLimit;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanIOException;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.core.support.FakeApi;
import dev.titanj.core.support.FakeServiceTitanServer;
import dev.titanj.core.support.ManualClock;
import dev.titanj.core.support.RecordingSleeper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Transport failures are retried when they provably sent nothing, and reported as ambiguous only
 * when the request may have reached the server. A raw loopback server gives exact control over
 * when connections close.
 */
class ConnectionFailureTest {
  final ManualClock clock = ManualClock.atEpochDay();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  RawServer raw;
  ServiceTitan st;

  @AfterEach
  void tearDown() throws Exception {
    if (st != null) {
      st.close();
    }
    if (raw != null) {
      raw.close();
    }
  }

  /** How the raw server treats one request. */
  enum Mode { ANSWER_THEN_CLOSE_WHEN_IDLE, RESET_MID_BODY_ONCE }

  /**
   * An HTTP/1.1 server on a raw socket: answers tokens and API calls with keep-alive responses,
   * then (depending on the mode) closes the connection as soon as it is idle, without
   * {@code Connection: close}, like a server with a short keep-alive timeout.
   */
  static final class RawServer implements AutoCloseable {
    final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    final java.util.concurrent.atomic.AtomicBoolean armed =
        new java.util.concurrent.atomic.AtomicBoolean();
    final Mode mode;
    final Thread thread;

    RawServer(Mode mode) throws IOException {
      this.mode = mode;
      thread = new Thread(this::acceptLoop, "raw-server");
      thread.setDaemon(true);
      thread.start();
    }

    /** Waits until the server closed every connection it accepted. */
    void awaitAllClosed() throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (closed.get() < accepted.get() && System.nanoTime() < end) {
        Thread.sleep(5);
      }
      assertThat(closed.get()).isEqualTo(accepted.get());
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void acceptLoop() {
      while (!socket.isClosed()) {
        try {
          Socket s = socket.accept();
          accepted.incrementAndGet();
          Thread t = new Thread(() -> serve(s), "raw-conn");
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return;
        }
      }
    }

    private void serve(Socket s) {
      try (s) {
        BufferedReader in = new BufferedReader(
            new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = s.getOutputStream();
        String line = in.readLine();
        if (line == null) {
          return;
        }
        int length = 0;
        for (String h; (h = in.readLine()) != null && !h.isEmpty(); ) {
          if (h.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(h.substring(15).trim());
          }
        }
        for (int i = 0; i < length; i++) {
          in.read();
        }
        boolean token = line.contains("/connect/token");
        if (!token) {
          requestLines.add(line);
        }
        String body = token ? "{\"access_token\":\"tok\",\"expires_in\":900}"
            : "{\"id\":1,\"name\":\"Acme\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + bytes.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        if (!token && mode == Mode.RESET_MID_BODY_ONCE && armed.compareAndSet(true, false)) {
          out.write(bytes, 0, bytes.length / 2);
          out.flush();
          s.setSoLinger(true, 0); // RST instead of FIN
          return;
        }
        out.write(bytes);
        out.flush();
        // Keep-alive response, then the server closes the idle connection.
      } catch (IOException e) {
        // client went away
      } finally {
        closed.incrementAndGet();
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private TitanContext client(RawServer server) {
    st = ServiceTitan.builder()
        .environment(Environment.custom(server.url(), server.url()))
        .clientCredentials(FakeServiceTitanServer.CLIENT_ID, FakeServiceTitanServer.CLIENT_SECRET)
        .appKey(FakeServiceTitanServer.APP_KEY).tenant(TENANT).clock(clock).sleeper(sleeper)
        .rateLimit(RateLimit.unlimited()).build();
    return TitanContext.of(st);
  }

  /** Fetches the token and lets the server close every connection so far. */
  private void warmUp(TitanContext ctx, FakeApi api) throws InterruptedException {
    ctx.execute(api.customer(TENANT, 1)); // GETs are retried anyway
    raw.awaitAllClosed();
    raw.requestLines.clear();
    dev.titanj.core.internal.TestAccess.http(ctx).connectionPool().evictAll(); // the next call opens a fresh connection
  }

  @Test
  void post_onAPooledConnectionTheServerClosedWhileIdle_isSentOnAFreshConnection() throws Exception {
    raw = new RawServer(Mode.ANSWER_THEN_CLOSE_WHEN_IDLE);
    TitanContext ctx = client(raw);
    FakeApi api = ctx.api(FakeApi.class);

    ctx.execute(api.customer(TENANT, 1)); // gets the token; GETs are retried anyway
    raw.awaitAllClosed();
    raw.requestLines.clear();
    for (int i = 0; i < 5; i++) {
      // Each response leaves a pooled connection behind; wait until the server closed it.
      assertThat(ctx.execute(api.create(TENANT, Map.of("name", "New " + i))))
          .containsEntry("name", "Acme");
      raw.awaitAllClosed();
    }

    assertThat(raw.requestLines).hasSize(5)
        .allSatisfy(l -> assertThat(l).startsWith("POST /crm/v2/tenant/" + TENANT + "/customers"));
  }

  @Test
  void putAndPatch_onAPooledConnectionTheServerClosed_areSentOnce() throws Exception {
    raw = new RawServer(Mode.ANSWER_THEN_CLOSE_WHEN_IDLE);
    TitanContext ctx = client(raw);
    FakeApi api = ctx.api(FakeApi.class);
    ctx.execute(api.customer(TENANT, 1));
    raw.awaitAllClosed();

    ctx.execute(api.update(TENANT, 1, Map.of("name", "x")));
    raw.awaitAllClosed();
    ctx.execute(api.replace(TENANT, 1, Map.of("name", "y")));

    assertThat(raw.requestLines).extracting(l -> l.substring(0, l.indexOf(' ')))
        .containsExactly("GET", "PATCH", "PUT");
  }

  @Test
  void findById_connectionResetMidBody_isRetriedForGet() throws Exception {
    raw = new RawServer(Mode.RESET_MID_BODY_ONCE);
    TitanContext ctx = client(raw);
    FakeApi api = ctx.api(FakeApi.class);
    warmUp(ctx, api);
    int waits = sleeper.sleeps().size();
    raw.armed.set(true);

    assertThat(ctx.execute(api.customer(TENANT, 1))).containsEntry("name", "Acme");

    assertThat(raw.requestLines).hasSize(2);
    assertThat(sleeper.sleeps()).hasSize(waits + 1);
  }

  @Test
  void post_connectionResetMidResponseBody_isAmbiguous_andNotReplayed() throws Exception {
    raw = new RawServer(Mode.RESET_MID_BODY_ONCE);
    TitanContext ctx = client(raw);
    FakeApi api = ctx.api(FakeApi.class);
    warmUp(ctx, api);
    raw.armed.set(true);

    assertThatThrownBy(() -> ctx.execute(api.create(TENANT, Map.of("name", "New"))))
        .isInstanceOfSatisfying(TitanIOException.class,
            e -> assertThat(e.mayHaveBeenApplied()).isTrue());
    assertThat(raw.requestLines).hasSize(1);
  }
}
