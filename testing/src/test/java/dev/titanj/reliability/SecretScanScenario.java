package dev.titanj.reliability;

import dev.titanj.core.AccessToken;
import dev.titanj.core.Active;
import dev.titanj.core.CacheSettings;
import dev.titanj.core.Environment;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TokenStore;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.crm.Crm;
import dev.titanj.crm.model.CreateCustomerRequest;
import dev.titanj.crm.model.CustomerAddress;
import dev.titanj.crm.model.NewLocation;
import dev.titanj.accounting.Accounting;
import dev.titanj.dispatch.Dispatch;
import dev.titanj.reliability.FaultProxy.Fault;
import dev.titanj.settings.Settings;
import dev.titanj.testing.FakeServiceTitan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broad scenario run in a child JVM with TRACE logging by {@link SecretsInLogsTest}: token
 * fetches and refreshes, every retry path, errors of every kind, writes, caching, four modules.
 * Every exception's {@code toString()} and every client object's {@code toString()} is logged
 * too. Tokens the client received are appended to the file named by the first argument, so the
 * parent can scan the output for them.
 */
public final class SecretScanScenario {
  private static final Logger log = LoggerFactory.getLogger("scenario");

  private SecretScanScenario() {}

  public static void main(String[] args) throws IOException {
    Path tokenFile = Paths.get(args[0]);
    ConcurrentHashMap<String, AccessToken> stored = new ConcurrentHashMap<>();
    TokenStore recording = new TokenStore() {
      @Override
      public Optional<AccessToken> get(String key) {
        return Optional.ofNullable(stored.get(key));
      }

      @Override
      public void put(String key, AccessToken token) {
        stored.put(key, token);
        try {
          Files.write(tokenFile, (token.value() + "\n").getBytes(StandardCharsets.UTF_8),
              StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }

      @Override
      public void remove(String key) {
        stored.remove(key);
      }
    };
    try (FakeServiceTitan fake = FakeServiceTitan.start(
            FakeServiceTitan.Options.defaults().customers(300));
        FaultProxy proxy = new FaultProxy(fake.baseUrl())
            .rule(FaultProxy.random(3, 0.2, Fault.RATE_LIMIT_NO_HEADER, Fault.RATE_LIMIT_SECONDS,
                Fault.RATE_LIMIT_DATE, Fault.BAD_GATEWAY, Fault.UNAVAILABLE,
                Fault.GATEWAY_TIMEOUT, Fault.DROP_MID_BODY, Fault.TRUNCATE))) {
      ServiceTitan.Builder builder = fake.clientBuilder()
          .environment(Environment.custom(proxy.baseUrl(), proxy.baseUrl()))
          .retryPolicy(RetryPolicy.defaults()).tokenStore(recording)
          .cache(CacheSettings.builder().resource("crm.customers",
              CacheSettings.Resource.on(java.time.Duration.ofMinutes(1), 1000)).build())
          .sleeper(d -> { });
      log.info("builder {}", builder);
      try (ServiceTitan st = builder.build()) {
        log.info("client {} context {} settings {}", st, TitanContext.of(st),
            TitanContext.of(st).settings());
        run("stream", () -> Crm.of(st).customers().query().active(Active.ANY).pageSize(25)
            .toList().size());
        run("export", () -> Crm.of(st).customers().export().stream().count());
        run("findAllById", () -> Crm.of(st).customers().findAllById(List.of(1_000_001L,
            1_000_002L, 1_000_003L)).size());
        run("findById twice", () -> Crm.of(st).customers().findById(1_000_004L).isPresent()
            && Crm.of(st).customers().findById(1_000_004L).isPresent());
        run("404", () -> Crm.of(st).customers().findById(999_999_999L));
        run("invoices", () -> Accounting.of(st).invoices().query().page(1).items().size());
        run("payments", () -> Accounting.of(st).payments().query().page(1).items().size());
        run("settings", () -> Settings.of(st).businessUnits().query().toList().size());
        run("dispatch", () -> Dispatch.of(st).zones().query().toList().size());
        proxy.rule((r, i) -> Fault.NONE);
        fake.revokeTokens();
        run("after revocation (401, refresh, replay)",
            () -> Crm.of(st).customers().query().page(2).items().size());
        fake.faults().tokenErrors(1);
        fake.revokeTokens();
        run("token endpoint 500", () -> Crm.of(st).customers().query().page(3));
        run("recovered", () -> Crm.of(st).customers().query().page(3).items().size());
        fake.faults().malformedJson(1);
        run("malformed", () -> Crm.of(st).customers().query().page(1));
        proxy.rule((r, i) -> r.getMethod().equals("POST") && !FaultProxy.isToken(r)
            ? Fault.DROP_BEFORE_RESPONSE : Fault.NONE);
        CustomerAddress address = CustomerAddress.builder().street("1 Main St").city("Springfield")
            .state("IL").zip("62701").country("USA").build();
        run("ambiguous POST", () -> Crm.of(st).customers().create(CreateCustomerRequest.builder()
            .name("Secretive Co").address(address)
            .addLocations(NewLocation.builder().name("HQ").address(address).build()).build()));
        proxy.rule((r, i) -> Fault.NONE);
        // A hostile server echoing the request's headers (token, app key) into every error.
        for (Fault echo : List.of(Fault.ECHO_400, Fault.ECHO_401, Fault.ECHO_403, Fault.ECHO_404,
            Fault.ECHO_409, Fault.ECHO_500)) {
          proxy.rule(FaultProxy.always(echo));
          run("api echo " + echo, () -> Crm.of(st).customers().query().page(1));
          run("api echo write " + echo, () -> Crm.of(st).customers().create(
              CreateCustomerRequest.builder().name("Echo Co").address(address)
                  .addLocations(NewLocation.builder().name("HQ").address(address).build())
                  .build()));
        }
        // A token endpoint echoing the posted form (client secret) into its errors.
        for (Fault echo : List.of(Fault.ECHO_400, Fault.ECHO_401, Fault.ECHO_500,
            Fault.ECHO_503)) {
          proxy.rule((r, i) -> FaultProxy.isToken(r) ? echo : Fault.NONE);
          fake.revokeTokens();
          run("token echo " + echo, () -> Crm.of(st).customers().query().page(4));
        }
        proxy.rule((r, i) -> Fault.NONE);
        run("after the echoes", () -> Crm.of(st).customers().query().page(1).items().size());
        // Replayed writes with the option on: the message counts the sends.
        try (ServiceTitan replaying = builder.retryPolicy(RetryPolicy.builder()
            .retryNonIdempotent(true).build()).build()) {
          proxy.rule((r, i) -> r.getMethod().equals("POST") && !FaultProxy.isToken(r)
              ? Fault.DROP_BEFORE_RESPONSE : Fault.NONE);
          run("replayed POST", () -> Crm.of(replaying).customers().create(
              CreateCustomerRequest.builder().name("Replayed Co").address(address)
                  .addLocations(NewLocation.builder().name("HQ").address(address).build())
                  .build()));
          proxy.rule((r, i) -> Fault.NONE);
        }
        ServiceTitan other = st.withTenant(42, fake.clientId(), FakeServiceTitan.DEFAULT_CLIENT_SECRET);
        run("other tenant (403)", () -> Crm.of(other).customers().query().page(1));
        log.info("stats {}", st.cacheStatistics());
        for (AccessToken t : stored.values()) {
          log.info("stored token {}", t);
        }
      }
      try (ServiceTitan wrong = fake.clientBuilder().clientCredentials(fake.clientId(),
          FakeServiceTitan.DEFAULT_CLIENT_SECRET + "-rotated").build()) {
        run("invalid_client", () -> Crm.of(wrong).customers().query().page(1));
      }
      log.info("requests seen by the fake: {}", fake.requests().size());
      log.info("fake {}", fake);
    }
    log.info("scenario finished");
  }

  private static void run(String name, Supplier<Object> step) {
    try {
      log.info("{}: {}", name, step.get());
    } catch (RuntimeException e) {
      log.info("{} failed: {}", name, e.toString());
      log.debug("stack", e);
      e.printStackTrace();
    }
  }
}
