package dev.titanj.testing;

import dev.titanj.core.ServiceTitan;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension behind {@link TitanFixtures}: opens a {@link FixtureSession} per test
 * method when the method first asks for its {@link ServiceTitan} (or the session), and after the
 * test writes the fixture (record) or fails the test if a request had no recording (replay). A
 * method that asks for neither needs no fixture file, even under a class-level annotation.
 *
 * <p>Register it with the annotation, or with {@code @RegisterExtension} and {@link #builder()}
 * to set the name, masks, fixture folder or credentials source in code (then leave the
 * annotation off, so only one instance runs).
 */
public final class TitanFixturesExtension implements BeforeEachCallback, AfterEachCallback,
    ParameterResolver {
  /** System property / JUnit configuration parameter naming the fixture root folder. */
  public static final String ROOT_PROPERTY = "titanj.fixtures.dir";
  /** Default root of fixture files, relative to the module being tested. */
  public static final Path DEFAULT_ROOT = Path.of("src", "test", "resources", "titanj-fixtures");
  /** Classpath folder replay falls back to. */
  public static final String CLASSPATH_ROOT = "titanj-fixtures";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TitanFixturesExtension.class);

  private final String name;
  private final FixtureMode mode;
  private final Path root;
  private final Supplier<Map<String, String>> environment;
  private final Set<Mask> masks;
  private final Set<String> maskFields;
  private final Consumer<ServiceTitan.Builder> clientCustomizer;

  /** The extension as {@code @TitanFixtures} registers it: everything from the annotation. */
  public TitanFixturesExtension() {
    this(new Builder());
  }

  private TitanFixturesExtension(Builder b) {
    this.name = b.name;
    this.mode = b.mode;
    this.root = b.root;
    this.environment = b.environment;
    this.masks = Set.copyOf(b.masks);
    this.maskFields = Set.copyOf(b.maskFields);
    this.clientCustomizer = b.clientCustomizer;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<TitanFixtures> annotation = find(context);
    String folder = name != null ? name : annotation.map(TitanFixtures::value).orElseThrow(() ->
        new ExtensionConfigurationException("TitanFixturesExtension needs a fixture name: "
            + "annotate the test with @TitanFixtures(\"area/name\") or use builder().name(...)"));
    if (folder.isBlank() || folder.contains("..")) {
      throw new ExtensionConfigurationException("fixture name must be a relative folder, was '"
          + folder + "'");
    }
    FixtureMode m = mode != null ? mode : resolveMode(context);
    Path base = root != null ? root : context.getConfigurationParameter(ROOT_PROPERTY)
        .map(Path::of).orElse(DEFAULT_ROOT);
    String fileName = context.getRequiredTestMethod().getName() + ".json";
    Set<Mask> allMasks = new LinkedHashSet<>(masks);
    Set<String> allFields = new LinkedHashSet<>(maskFields);
    annotation.ifPresent(a -> {
      allMasks.addAll(Arrays.asList(a.mask()));
      allFields.addAll(Arrays.asList(a.maskFields()));
    });
    FixtureSession.Builder sb = FixtureSession.builder(base.resolve(folder).resolve(fileName))
        .mode(m)
        .classpathFallback(CLASSPATH_ROOT + "/" + folder + "/" + fileName)
        .mask(allMasks.toArray(new Mask[0]))
        .maskFields(allFields.toArray(new String[0]))
        .client(clientCustomizer);
    annotation.ifPresent(a -> sb.replayTenant(a.tenant()));
    if (m == FixtureMode.RECORD) {
      sb.environment(environment.get());
    }
    context.getStore(NAMESPACE).put(Lazy.class, new Lazy(sb));
  }

  /** The session of one test method, opened when the test first asks for its client. */
  private static final class Lazy {
    private final FixtureSession.Builder builder;
    private FixtureSession session;

    Lazy(FixtureSession.Builder builder) {
      this.builder = builder;
    }

    synchronized FixtureSession open() {
      if (session == null) {
        try {
          session = builder.open();
        } catch (IllegalStateException | IllegalArgumentException e) {
          throw new ParameterResolutionException(e.getMessage(), e);
        }
      }
      return session;
    }

    synchronized FixtureSession opened() {
      return session;
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Lazy lazy = context.getStore(NAMESPACE).remove(Lazy.class, Lazy.class);
    FixtureSession session = lazy == null ? null : lazy.opened();
    if (session == null) {
      return; // the test never asked for a client: it needs no fixture
    }
    try {
      if (session.mode() == FixtureMode.REPLAY && context.getExecutionException().isEmpty()) {
        session.verify();
      }
    } finally {
      session.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return (type == ServiceTitan.class || type == FixtureSession.class)
        && parameter.getDeclaringExecutable() instanceof Method;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Lazy lazy = context.getStore(NAMESPACE).get(Lazy.class, Lazy.class);
    if (lazy == null) {
      throw new ParameterResolutionException(
          "no fixture session is open (only test methods get one)");
    }
    FixtureSession session = lazy.open();
    return parameter.getParameter().getType() == FixtureSession.class ? session : session.client();
  }

  private static Optional<TitanFixtures> find(ExtensionContext context) {
    Optional<AnnotatedElement> element = context.getElement();
    Optional<TitanFixtures> onMethod = element.flatMap(e ->
        AnnotationSupport.findAnnotation(e, TitanFixtures.class));
    if (onMethod.isPresent()) {
      return onMethod;
    }
    return context.getTestClass().flatMap(c ->
        AnnotationSupport.findAnnotation(c, TitanFixtures.class));
  }

  /**
   * The mode from {@code titanj.fixtures} (JUnit configuration parameter or system property),
   * then {@code TITANJ_FIXTURES}, default replay.
   */
  static FixtureMode resolveMode(ExtensionContext context) {
    Optional<String> p = context.getConfigurationParameter(FixtureMode.PROPERTY);
    String value = p.orElseGet(() -> Optional.ofNullable(System.getProperty(FixtureMode.PROPERTY))
        .orElse(System.getenv(FixtureMode.ENVIRONMENT_VARIABLE)));
    try {
      return FixtureMode.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    }
  }

  /** Configures a {@link TitanFixturesExtension} for {@code @RegisterExtension}. */
  public static final class Builder {
    private String name;
    private FixtureMode mode;
    private Path root;
    private Supplier<Map<String, String>> environment = System::getenv;
    private final Set<Mask> masks = new LinkedHashSet<>();
    private final Set<String> maskFields = new LinkedHashSet<>();
    private Consumer<ServiceTitan.Builder> clientCustomizer = c -> { };

    private Builder() {}

    /** The fixture folder, as {@code @TitanFixtures#value()}. */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = name;
      return this;
    }

    /** A fixed mode instead of the property/environment lookup. */
    public Builder mode(FixtureMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** The folder fixture files live in; default {@code src/test/resources/titanj-fixtures}. */
    public Builder root(Path root) {
      this.root = Objects.requireNonNull(root, "root");
      return this;
    }

    /** Where record mode reads {@code ST_*} credentials; default the process environment. */
    public Builder environment(Supplier<Map<String, String>> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    public Builder mask(Mask... masks) {
      this.masks.addAll(Arrays.asList(masks));
      return this;
    }

    public Builder maskFields(String... fields) {
      this.maskFields.addAll(Arrays.asList(fields));
      return this;
    }

    /** Adjusts every session's client before it is built. */
    public Builder client(Consumer<ServiceTitan.Builder> customizer) {
      this.clientCustomizer = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    public TitanFixturesExtension build() {
      return new TitanFixturesExtension(this);
    }
  }
}
