package dev.titanj.testing;

import dev.titanj.core.Environment;
import dev.titanj.core.ResourceCatalog;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import dev.titanj.testing.internal.Curated;
import dev.titanj.testing.internal.FakeStore;
import dev.titanj.testing.internal.Json;
import dev.titanj.testing.internal.ResourceRegistry;
import dev.titanj.testing.internal.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import mockwebserver3.MockWebServer;

/**
 * An embedded fake ServiceTitan for offline tests: an OAuth token endpoint and the list, get,
 * export, create and update endpoints of every TitanJ module on the class path, served over
 * loopback from a deterministic seeded dataset. Curated data with realistic references backs the
 * main CRM, Accounting, Settings and Dispatch resources; every other GET operation that an
 * installed module's resource descriptors declare ({@link dev.titanj.core.ResourceCatalog})
 * answers with a few records synthesized from the operation's record type, so a module (even
 * one written outside TitanJ) is served as soon as it is installed. It checks credentials, the app key
 * and the tenant like the real API, honours paging, common filters, sorting and export
 * continuation tokens, applies writes to its data, and can inject latency and faults.
 *
 * <pre>{@code
 * try (FakeServiceTitan fake = FakeServiceTitan.start()) {
 *   ServiceTitan st = fake.client();           // ready to use, closed with the server
 *   ...
 *   assertThat(fake.tokenRequestCount()).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Built on OkHttp's MockWebServer (already on a TitanJ test classpath), so it starts in
 * milliseconds and can drop connections or stall bodies at the socket level.
 */
public final class FakeServiceTitan implements AutoCloseable {
  /** Client id the fake server accepts by default. */
  public static final String DEFAULT_CLIENT_ID = "fake-client-id";
  /** Client secret the fake server accepts by default. */
  public static final String DEFAULT_CLIENT_SECRET = "fake-client-secret";
  /** App key the fake server accepts by default. */
  public static final String DEFAULT_APP_KEY = "fake-app-key";
  /** Tenant id of the fake server by default. */
  public static final long DEFAULT_TENANT_ID = 1_234_567L;

  private final Options options;
  private final MockWebServer server;
  private final FakeStore store;
  private final ResourceRegistry registry;
  private final Faults faults;
  private final FakeDispatcher dispatcher;
  private final URI base;
  private volatile ServiceTitan client;
  private volatile boolean closed;

  private FakeServiceTitan(Options options) {
    this.options = options.copy();
    this.store = new FakeStore(this.options.clock, this.options.exportBatchSize);
    this.registry = new ResourceRegistry();
    Curated.register(registry);
    Curated.seed(store, this.options.sizes);
    GeneratedResources.registerAll(registry, store, this.options.sizes.seed,
        ResourceCatalog.installed(), this.options.synthesizedRecords);
    this.faults = new Faults(this.options.sizes.seed);
    if (this.options.faultSetup != null) {
      this.options.faultSetup.accept(faults);
    }
    this.server = new MockWebServer();
    this.dispatcher = new FakeDispatcher(this.options, store, registry, faults, server);
    server.setDispatcher(dispatcher);
    try {
      server.start(InetAddress.getLoopbackAddress(), this.options.port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the fake ServiceTitan", e);
    }
    String host = InetAddress.getLoopbackAddress().getHostAddress();
    this.base = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
        + server.getPort());
  }

  /** Starts a fake server with the default options on a free loopback port. */
  public static FakeServiceTitan start() {
    return start(Options.defaults());
  }

  /** Starts a fake server with {@code options} on a free loopback port. */
  public static FakeServiceTitan start(Options options) {
    Objects.requireNonNull(options, "options");
    return new FakeServiceTitan(options);
  }

  /** The server's base URL ({@code http://127.0.0.1:port}), both API and token endpoint. */
  public URI baseUrl() {
    return base;
  }

  /** An environment pointing at this server. */
  public Environment environment() {
    return Environment.custom(base, base);
  }

  public long tenantId() {
    return options.tenantId;
  }

  public String clientId() {
    return options.clientId;
  }

  /**
   * A client builder pre-filled with this server's environment, credentials, app key and tenant,
   * and no retries (so faults surface unless a test opts in); the caller owns what it builds.
   */
  public ServiceTitan.Builder clientBuilder() {
    return ServiceTitan.builder()
        .environment(environment())
        .clientCredentials(options.clientId, options.clientSecret)
        .appKey(options.appKey)
        .tenant(options.tenantId)
        .retryPolicy(RetryPolicy.none());
  }

  /** A shared client pointed at this server, created on first use and closed with the server. */
  public ServiceTitan client() {
    ServiceTitan c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          requireOpen();
          c = clientBuilder().build();
          client = c;
        }
      }
    }
    return c;
  }

  /**
   * The {@code ST_*} variables that point a program at this server, as read by
   * {@link ServiceTitan#fromEnv()}: {@code ST_API_BASE_URL}, {@code ST_AUTH_BASE_URL},
   * {@code ST_CLIENT_ID}, {@code ST_CLIENT_SECRET}, {@code ST_APP_KEY}, {@code ST_TENANT_ID}.
   */
  public Map<String, String> environmentVariables() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("ST_API_BASE_URL", base.toString());
    env.put("ST_AUTH_BASE_URL", base.toString());
    env.put("ST_CLIENT_ID", options.clientId);
    env.put("ST_CLIENT_SECRET", options.clientSecret);
    env.put("ST_APP_KEY", options.appKey);
    env.put("ST_TENANT_ID", Long.toString(options.tenantId));
    return env;
  }

  /** The faults and delays injected from now on; change them at any time. */
  public Faults faults() {
    return faults;
  }

  /** The most recent requests (up to {@link Options#requestLogLimit(int)}), oldest first. */
  public List<LoggedRequest> requests() {
    return dispatcher.requests();
  }

  /** Empties the request log (counters are kept). */
  public void clearRequests() {
    dispatcher.clearRequests();
  }

  /** Number of token requests received, successful or not. */
  public long tokenRequestCount() {
    return dispatcher.tokenRequests();
  }

  /** Number of requests received for an exact encoded path, e.g. {@code /crm/v2/tenant/1/customers}. */
  public long requestCount(String path) {
    Long n = dispatcher.requestCounts().get(path);
    return n == null ? 0 : n;
  }

  /** Requests received per encoded path, token endpoint included. */
  public Map<String, Long> requestCounts() {
    return dispatcher.requestCounts();
  }

  /** Invalidates every issued token, so the next resource call gets a 401. */
  public void revokeTokens() {
    dispatcher.revokeTokens();
  }

  /**
   * A copy of every record of a resource, in id order, for assertions. {@code resource} is
   * {@code module/path}, e.g. {@code crm/customers} or {@code accounting/invoices}.
   *
   * @throws IllegalArgumentException if the server holds no such resource
   */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> records(String resource) {
    Table t = store.table(resource);
    if (t == null) {
      throw new IllegalArgumentException("resource must be one of the server's module/path names, was "
          + resource);
    }
    return store.read(() -> {
      List<Map<String, Object>> out = new ArrayList<>(t.size());
      for (Table.Row row : t.rows()) {
        out.add((Map<String, Object>) Json.deepCopy(row.json));
      }
      return out;
    });
  }

  /** The collection paths served for one module ({@code crm}, {@code accounting}...). */
  public List<String> resources(String module) {
    return registry.paths(module);
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the fake ServiceTitan is closed");
    }
  }

  /** Stops the server and closes the shared client. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    ServiceTitan c = client;
    if (c != null) {
      c.close();
    }
    server.close();
  }

  @Override
  public String toString() {
    return "FakeServiceTitan{" + base + ", tenant=" + options.tenantId + "}";
  }

  /**
   * Settings of a {@link FakeServiceTitan}: dataset sizes and seed, credentials, token lifetime,
   * export batch size, clock and initial faults. A mutable builder; {@link #start(Options)} takes
   * a copy.
   *
   * <pre>{@code
   * FakeServiceTitan.start(FakeServiceTitan.Options.defaults().customers(10_000).invoices(50_000));
   * }</pre>
   */
  public static final class Options {
    final Curated.Sizes sizes = new Curated.Sizes();
    String clientId = DEFAULT_CLIENT_ID;
    String clientSecret = DEFAULT_CLIENT_SECRET;
    String appKey = DEFAULT_APP_KEY;
    long tenantId = DEFAULT_TENANT_ID;
    Duration tokenLifetime = Duration.ofSeconds(900);
    int exportBatchSize = 500;
    int invalidClientStatus = 400;
    int requestLogLimit = 10_000;
    int port;
    Clock clock = Clock.systemUTC();
    Consumer<Faults> faultSetup;
    int synthesizedRecords = 3;

    /** 100 customers, 300 invoices, 150 payments and a few of every reference resource. */
    public static Options defaults() {
      return new Options();
    }

    Options copy() {
      Options o = new Options();
      o.sizes.seed = sizes.seed;
      o.sizes.customers = sizes.customers;
      o.sizes.invoices = sizes.invoices;
      o.sizes.payments = sizes.payments;
      o.sizes.technicians = sizes.technicians;
      o.sizes.employees = sizes.employees;
      o.sizes.businessUnits = sizes.businessUnits;
      o.sizes.tagTypes = sizes.tagTypes;
      o.sizes.userRoles = sizes.userRoles;
      o.sizes.appointmentAssignments = sizes.appointmentAssignments;
      o.sizes.technicianShifts = sizes.technicianShifts;
      o.sizes.zones = sizes.zones;
      o.sizes.teams = sizes.teams;
      o.sizes.paymentTypes = sizes.paymentTypes;
      o.sizes.inactiveShare = sizes.inactiveShare;
      o.clientId = clientId;
      o.clientSecret = clientSecret;
      o.appKey = appKey;
      o.tenantId = tenantId;
      o.tokenLifetime = tokenLifetime;
      o.exportBatchSize = exportBatchSize;
      o.invalidClientStatus = invalidClientStatus;
      o.requestLogLimit = requestLogLimit;
      o.port = port;
      o.clock = clock;
      o.faultSetup = faultSetup;
      o.synthesizedRecords = synthesizedRecords;
      return o;
    }

    /** Seed of the generated data; the same seed and sizes give the same records. */
    public Options seed(long seed) {
      sizes.seed = seed;
      return this;
    }

    public Options customers(int n) {
      sizes.customers = count(n, "customers");
      return this;
    }

    public Options invoices(int n) {
      sizes.invoices = count(n, "invoices");
      return this;
    }

    /** Payments, each applied to a different invoice (at most one per invoice). */
    public Options payments(int n) {
      sizes.payments = count(n, "payments");
      return this;
    }

    public Options technicians(int n) {
      sizes.technicians = count(n, "technicians");
      return this;
    }

    public Options employees(int n) {
      sizes.employees = count(n, "employees");
      return this;
    }

    public Options businessUnits(int n) {
      sizes.businessUnits = count(n, "businessUnits");
      return this;
    }

    public Options tagTypes(int n) {
      sizes.tagTypes = count(n, "tagTypes");
      return this;
    }

    public Options userRoles(int n) {
      sizes.userRoles = count(n, "userRoles");
      return this;
    }

    public Options appointmentAssignments(int n) {
      sizes.appointmentAssignments = count(n, "appointmentAssignments");
      return this;
    }

    public Options technicianShifts(int n) {
      sizes.technicianShifts = count(n, "technicianShifts");
      return this;
    }

    public Options zones(int n) {
      sizes.zones = count(n, "zones");
      return this;
    }

    public Options teams(int n) {
      sizes.teams = count(n, "teams");
      return this;
    }

    /** Share of seeded records that are inactive, 0 to 1; default 0.1. */
    public Options inactiveShare(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("inactiveShare must be between 0 and 1, was " + share);
      }
      sizes.inactiveShare = share;
      return this;
    }

    /** The credentials the token endpoint accepts. */
    public Options clientCredentials(String clientId, String clientSecret) {
      this.clientId = text(clientId, "clientId");
      this.clientSecret = text(clientSecret, "clientSecret");
      return this;
    }

    public Options appKey(String appKey) {
      this.appKey = text(appKey, "appKey");
      return this;
    }

    public Options tenant(long tenantId) {
      if (tenantId <= 0) {
        throw new IllegalArgumentException("tenant must be positive, was " + tenantId);
      }
      this.tenantId = tenantId;
      return this;
    }

    /** {@code expires_in} of issued tokens; default 900 s. Expiry follows {@link #clock(Clock)}. */
    public Options tokenLifetime(Duration lifetime) {
      if (lifetime == null || lifetime.getSeconds() < 1) {
        throw new IllegalArgumentException("tokenLifetime must be at least 1 second, was " + lifetime);
      }
      this.tokenLifetime = lifetime;
      return this;
    }

    /** Records per export batch; default 500. */
    public Options exportBatchSize(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("exportBatchSize must be positive, was " + n);
      }
      this.exportBatchSize = n;
      return this;
    }

    /** Status of an {@code invalid_client} answer: 400 (default, as IdentityServer) or 401. */
    public Options invalidClientStatus(int status) {
      if (status != 400 && status != 401) {
        throw new IllegalArgumentException("invalidClientStatus must be 400 or 401, was " + status);
      }
      this.invalidClientStatus = status;
      return this;
    }

    /** How many requests {@link FakeServiceTitan#requests()} keeps; default 10,000. */
    public Options requestLogLimit(int n) {
      this.requestLogLimit = count(n, "requestLogLimit");
      return this;
    }

    /** A fixed port instead of a free one. */
    public Options port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** The server's clock: token expiry, {@code modifiedOn} of writes, request log times. */
    public Options clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Records synthesized for each descriptor-declared endpoint without curated data (built
     * from the operation's record type); default 3.
     */
    public Options synthesizedRecords(int n) {
      this.synthesizedRecords = count(n, "synthesizedRecords");
      return this;
    }

    /** Faults to configure before the server accepts its first request. */
    public Options faults(Consumer<Faults> setup) {
      this.faultSetup = Objects.requireNonNull(setup, "setup");
      return this;
    }

    private static int count(int n, String argument) {
      if (n < 0) {
        throw new IllegalArgumentException(argument + " must not be negative, was " + n);
      }
      return n;
    }

    private static String text(String s, String argument) {
      if (s == null || s.isBlank()) {
        throw new IllegalArgumentException(argument + " must not be blank");
      }
      return s;
    }

    @Override
    public String toString() {
      return "Options{customers=" + sizes.customers + ", invoices=" + sizes.invoices
          + ", payments=" + sizes.payments + ", tenant=" + tenantId + ", clientId=" + clientId
          + ", clientSecret=<redacted>, appKey=<redacted>}";
    }
  }
}
