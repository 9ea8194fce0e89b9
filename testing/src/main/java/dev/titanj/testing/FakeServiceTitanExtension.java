package dev.titanj.testing;

import dev.titanj.core.ServiceTitan;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a {@link FakeServiceTitan} and injects it, or a ready
 * {@link ServiceTitan} client pointed at it, into test and lifecycle method parameters.
 *
 * <p>The server lives as long as the extension's scope: with {@code @ExtendWith} or a
 * {@code static} {@code @RegisterExtension} field, one server per test class; with an instance
 * {@code @RegisterExtension} field, a fresh server per test method (use that when tests write).
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeServiceTitanExtension fake = FakeServiceTitanExtension.withOptions(
 *     FakeServiceTitan.Options.defaults().customers(500));
 *
 * @Test
 * void syncsCustomers(ServiceTitan st, FakeServiceTitan server) { ... }
 * }</pre>
 */
public final class FakeServiceTitanExtension implements BeforeAllCallback, AfterAllCallback,
    BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private final FakeServiceTitan.Options options;
  private FakeServiceTitan server;
  private boolean perClass;

  /** An extension with the default options; the constructor {@code @ExtendWith} uses. */
  public FakeServiceTitanExtension() {
    this(FakeServiceTitan.Options.defaults());
  }

  private FakeServiceTitanExtension(FakeServiceTitan.Options options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** An extension whose server starts with {@code options}. */
  public static FakeServiceTitanExtension withOptions(FakeServiceTitan.Options options) {
    return new FakeServiceTitanExtension(options);
  }

  /** The running server. */
  public FakeServiceTitan server() {
    if (server == null) {
      throw new IllegalStateException("the fake ServiceTitan runs only while a test runs");
    }
    return server;
  }

  /** The running server's shared client. */
  public ServiceTitan client() {
    return server().client();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = FakeServiceTitan.start(options);
    perClass = true;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (perClass && server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (server == null) {
      server = FakeServiceTitan.start(options);
      perClass = false;
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass && server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakeServiceTitan.class || type == ServiceTitan.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (server == null) {
      // e.g. a @BeforeAll parameter with a per-method server
      throw new ParameterResolutionException("the fake ServiceTitan is not running yet for "
          + parameter.getDeclaringExecutable());
    }
    return parameter.getParameter().getType() == FakeServiceTitan.class ? server : server.client();
  }
}
