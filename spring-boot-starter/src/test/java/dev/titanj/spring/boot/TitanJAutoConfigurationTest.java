package dev.titanj.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.accounting.Accounting;
import dev.titanj.core.RetryPolicy;
import dev.titanj.core.ServiceTitan;
import dev.titanj.crm.Crm;
import dev.titanj.crm.model.Customer;
import dev.titanj.dispatch.Dispatch;
import dev.titanj.testing.FakeServiceTitan;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class TitanJAutoConfigurationTest {
  private static FakeServiceTitan fake;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(TitanJAutoConfiguration.class));

  @BeforeAll
  static void startFake() {
    fake = FakeServiceTitan.start();
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  /** The fake's settings as titanj.* properties. */
  private static String[] properties() {
    Map<String, String> env = fake.environmentVariables();
    return new String[] {
        "titanj.api-base-url=" + env.get("ST_API_BASE_URL"),
        "titanj.auth-base-url=" + env.get("ST_AUTH_BASE_URL"),
        "titanj.client-id=" + env.get("ST_CLIENT_ID"),
        "titanj.client-secret=" + env.get("ST_CLIENT_SECRET"),
        "titanj.app-key=" + env.get("ST_APP_KEY"),
        "titanj.tenant-id=" + env.get("ST_TENANT_ID"),
        "titanj.read-timeout=20s"};
  }

  private static String secret() {
    return fake.environmentVariables().get("ST_CLIENT_SECRET");
  }

  @Test
  void properties_pointingAtTheFake_giveAWorkingCrmBean() {
    runner.withPropertyValues(properties()).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(ServiceTitan.class)
          .hasSingleBean(Crm.class).hasSingleBean(Accounting.class)
          .hasSingleBean(dev.titanj.settings.Settings.class).hasSingleBean(Dispatch.class)
          .hasSingleBean(dev.titanj.jpm.Jpm.class).hasSingleBean(dev.titanj.pricebook.Pricebook.class);
      ServiceTitan st = context.getBean(ServiceTitan.class);
      assertThat(st.tenantId()).isEqualTo(fake.tenantId());

      List<Customer> customers = context.getBean(Crm.class).customers().query().limit(5)
          .stream().toList();

      assertThat(customers).hasSize(5);
    });
  }

  @Test
  void closingTheContext_closesTheClient() {
    ServiceTitan[] holder = new ServiceTitan[1];
    runner.withPropertyValues(properties())
        .run(context -> holder[0] = context.getBean(ServiceTitan.class));
    assertThatThrownBy(() -> Crm.of(holder[0]).customers().findById(1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Configuration(proxyBeanMethods = false)
  static class RegistryConfig {
    @Bean
    SimpleMeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Test
  void aMeterRegistryBean_receivesTheClientsMetrics() {
    runner.withPropertyValues(properties()).withUserConfiguration(RegistryConfig.class)
        .run(context -> {
          context.getBean(Crm.class).customers().query().limit(3).stream().toList();

          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(registry.get("titanj.requests").tag("method", "GET")
              .tag("uri", "/crm/v2/tenant/{tenant}/customers").tag("outcome", "SUCCESS")
              .timer().count()).isGreaterThanOrEqualTo(1);
          assertThat(registry.get("titanj.token.requests").timer().count()).isEqualTo(1);
        });
  }

  @Test
  void metricsCanBeTurnedOff() {
    runner.withPropertyValues(properties()).withPropertyValues("titanj.metrics.enabled=false")
        .withUserConfiguration(RegistryConfig.class).run(context -> {
          context.getBean(Crm.class).customers().query().limit(1).stream().toList();
          assertThat(context.getBean(MeterRegistry.class).find("titanj.requests").timers())
              .isEmpty();
        });
  }

  @Test
  void missingProperties_failStartup_namingEachOfThem() {
    runner.withPropertyValues("titanj.client-id=abc").run(context -> {
      assertThat(context).hasFailed();
      Throwable failure = context.getStartupFailure();
      Throwable root = failure;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      assertThat(root).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("titanj.client-secret")
          .hasMessageContaining("titanj.app-key")
          .hasMessageContaining("titanj.tenant-id")
          .message().doesNotContain("titanj.client-id,");
    });
  }

  @Test
  void aCustomEnvironment_needsBothBaseUrls() {
    runner.withPropertyValues(properties()).withPropertyValues("titanj.auth-base-url=")
        .run(context -> assertThat(context).getFailure()
            .rootCause().hasMessageContaining("titanj.auth-base-url"));
  }

  @Test
  void badValues_failStartup_namingTheSetting() {
    runner.withPropertyValues(properties()).withPropertyValues("titanj.api-base-url=",
        "titanj.auth-base-url=", "titanj.environment=staging")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("environment").hasMessageContaining("staging"));
  }

  @Test
  void healthIndicator_isUp_whenATokenCanBeObtained() {
    runner.withPropertyValues(properties()).run(context -> {
      Health health = context.getBean("titanjHealthIndicator", HealthIndicator.class).health();

      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("tenant", fake.tenantId());
      assertThat(health.toString()).doesNotContain(secret());
    });
  }

  @Test
  void healthIndicator_isDown_whenTheCredentialsAreRefused() {
    runner.withPropertyValues(properties())
        .withPropertyValues("titanj.client-secret=wrong-secret-value")
        .withBean(ServiceTitanBuilderCustomizer.class,
            () -> b -> b.retryPolicy(RetryPolicy.none()))
        .run(context -> {
          Health health = context.getBean("titanjHealthIndicator", HealthIndicator.class)
              .health();

          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat(health.getDetails()).containsEntry("error", "AuthenticationException");
          assertThat(health.toString()).doesNotContain("wrong-secret-value")
              .doesNotContain(secret()).doesNotContain(fake.environmentVariables().get("ST_APP_KEY"));
        });
  }

  @Test
  void propertiesToString_neverShowsTheSecretOrTheAppKey() {
    runner.withPropertyValues(properties()).run(context -> {
      String text = context.getBean(TitanJProperties.class).toString();
      assertThat(text).contains(fake.clientId()).contains("<redacted>")
          .doesNotContain(secret())
          .doesNotContain(fake.environmentVariables().get("ST_APP_KEY"));
    });
  }

  @Test
  void anEntryPointBeanOfYourOwn_isKept() {
    runner.withPropertyValues(properties())
        .withBean("myCrm", Crm.class, () -> Crm.of(dev.titanj.core.ServiceTitan.fromEnv(
            fake.environmentVariables())))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Crm.class)
            .hasBean("myCrm").doesNotHaveBean("titanjCrm"));
  }

  @Test
  void withoutTheModules_onlyTheClientIsConfigured() {
    runner.withPropertyValues(properties())
        .withClassLoader(new FilteredClassLoader(Crm.class, Accounting.class, Dispatch.class,
            dev.titanj.settings.Settings.class))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ServiceTitan.class)
            .doesNotHaveBean(Crm.class).doesNotHaveBean(Accounting.class)
            .doesNotHaveBean(Dispatch.class).doesNotHaveBean(dev.titanj.settings.Settings.class));
  }

  @Test
  void withoutActuatorOrMicrometer_theClientStillWorks() {
    runner.withPropertyValues(properties())
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate",
            "io.micrometer"))
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean("titanjHealthIndicator")
              .doesNotHaveBean("titanjMetricsCustomizer");
          assertThat(context.getBean(Crm.class).customers().query().limit(1).stream().toList())
              .hasSize(1);
        });
  }

  @Test
  void aServiceTitanBeanOfTheApplication_replacesTheAutoConfiguredOne() {
    runner.withBean(ServiceTitan.class, () -> fake.clientBuilder().build())
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ServiceTitan.class)
            .hasSingleBean(Crm.class));
  }

  @Test
  void titanjEnabledFalse_configuresNothing() {
    runner.withPropertyValues("titanj.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ServiceTitan.class));
  }
}
