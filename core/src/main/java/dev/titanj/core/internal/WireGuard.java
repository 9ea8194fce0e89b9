package dev.titanj.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The network interceptor that tells "never sent" from "may have reached the server".
 *
 * <p>It runs after a connection was acquired and before the request is written. It marks the
 * attempt as {@linkplain Attempt#onWire on the wire}: an I/O failure of an attempt that never got
 * here (DNS, connect, TLS handshake, connection acquisition) provably sent nothing.
 *
 * <p>For requests that are not replayed after an ambiguous failure (POST, PUT, PATCH), a pooled
 * HTTP/1.x connection that was used before is first checked for a close by the server: a read
 * with a 1 ms timeout that reports end of stream (or unexpected bytes) means the server closed
 * the idle connection before this request was written, so the connection is closed and the
 * attempt fails with {@link RequestNotSentException}, which every method may replay on a fresh
 * connection. This is the precise part of what OkHttp's {@code retryOnConnectionFailure} would do
 * (which also replays writes that did reach the server, and is therefore switched off). A
 * connection that the server closes while the request is being written is still ambiguous.
 * HTTP/2 connections are not probed (their reader thread owns the socket and handles GOAWAY).
 */
final class WireGuard implements Interceptor {
  /** Connections that carried a request before; weak, so evicted connections are forgotten. */
  private final Set<Connection> used =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Attempt attempt = request.tag(Attempt.class);
    Connection connection = chain.connection();
    if (connection != null && !used.add(connection) && attempt != null && attempt.probe
        && (connection.protocol() == Protocol.HTTP_1_1
            || connection.protocol() == Protocol.HTTP_1_0)) {
      String why = closedByServer(connection.socket());
      if (why != null) {
        connection.socket().close();
        throw new RequestNotSentException("pooled connection " + why
            + " before the request was written", null);
      }
    }
    if (attempt != null) {
      attempt.onWire = true;
    }
    return chain.proceed(request);
  }

  /** Why an idle HTTP/1.x connection is unusable, or null when it looks open. */
  static String closedByServer(Socket socket) {
    if (socket.isClosed() || socket.isInputShutdown() || socket.isOutputShutdown()) {
      return "was already closed";
    }
    int timeout;
    try {
      timeout = socket.getSoTimeout();
    } catch (IOException e) {
      return "failed: " + e.getClass().getSimpleName();
    }
    try {
      socket.setSoTimeout(1);
      InputStream in = socket.getInputStream();
      int b = in.read();
      return b < 0 ? "was closed by the server" : "received unexpected bytes while idle";
    } catch (SocketTimeoutException e) {
      return null; // nothing to read: open and idle
    } catch (IOException e) {
      return "failed: " + e.getClass().getSimpleName();
    } finally {
      try {
        socket.setSoTimeout(timeout);
      } catch (IOException ignored) {
        // the request itself will fail on this socket
      }
    }
  }
}
