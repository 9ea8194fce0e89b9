package dev.titanj.cli.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The sandbox backed by {@code dev.titanj.testing.FakeServiceTitan}, the embedded fake
 * ServiceTitan of the testing module, seeded with its deterministic demo data.
 */
public final class FakeServerSandbox implements Sandbox {
  static final String FAKE_CLASS = "dev.titanj.testing.FakeServiceTitan";

  private final Object server;

  private FakeServerSandbox(Object server) {
    this.server = server;
  }

  /** The factory the CLI uses by default. */
  public static Sandbox.Factory factory() {
    return FakeServerSandbox::startServer;
  }

  static Sandbox startServer(int port) {
    Class<?> fake;
    try {
      fake = Class.forName(FAKE_CLASS);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the embedded fake ServiceTitan (" + FAKE_CLASS
          + ") is not in this build");
    }
    try {
      if (port == 0) {
        return new FakeServerSandbox(fake.getMethod("start").invoke(null));
      }
      Class<?> options = Class.forName(FAKE_CLASS + "$Options");
      Object opts = options.getMethod("defaults").invoke(null);
      opts = options.getMethod("port", int.class).invoke(opts, port);
      return new FakeServerSandbox(fake.getMethod("start", options).invoke(null, opts));
    } catch (InvocationTargetException e) {
      Throwable c = e.getCause();
      throw c instanceof RuntimeException ? (RuntimeException) c
          : new IllegalStateException("cannot start the sandbox: " + c, c);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot start the sandbox: " + e, e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, String> environmentVariables() {
    return (Map<String, String>) call("environmentVariables");
  }

  @Override
  public OptionalLong requestCount() {
    try {
      Method m = server.getClass().getMethod("requestCounts");
      long total = 0;
      for (Object n : ((Map<?, ?>) m.invoke(server)).values()) {
        total += ((Number) n).longValue();
      }
      return OptionalLong.of(total);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public void close() {
    call("close");
  }

  private Object call(String name) {
    try {
      return server.getClass().getMethod(name).invoke(server);
    } catch (InvocationTargetException e) {
      Throwable c = e.getCause();
      throw c instanceof RuntimeException ? (RuntimeException) c : new IllegalStateException(c);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
