package dev.titanj.spring.boot;

import dev.titanj.core.Environment;
import dev.titanj.core.Metrics;
import dev.titanj.core.ServiceTitan;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures a {@link ServiceTitan} client from {@code titanj.*} properties (closed with the
 * context), the entry point of each TitanJ module on the class path ({@code Crm}, {@code Jpm},
 * {@code Accounting}...), metrics in the
 * application's {@code MeterRegistry} when Micrometer is present and a health indicator named
 * {@code titanj} when Spring Boot Actuator is present. Turn it off with {@code titanj.enabled=false};
 * a {@link ServiceTitan} bean of your own replaces the client.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(ServiceTitan.class)
@ConditionalOnProperty(prefix = "titanj", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(TitanJProperties.class)
public class TitanJAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public ServiceTitan serviceTitan(TitanJProperties properties,
      ObjectProvider<ServiceTitanBuilderCustomizer> customizers) {
    ServiceTitan.Builder builder = builder(properties);
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  /**
   * A builder from the properties.
   *
   * @throws IllegalStateException naming every required property that is missing
   */
  static ServiceTitan.Builder builder(TitanJProperties p) {
    List<String> missing = new ArrayList<>();
    if (blank(p.getClientId())) {
      missing.add("titanj.client-id");
    }
    if (blank(p.getClientSecret())) {
      missing.add("titanj.client-secret");
    }
    if (blank(p.getAppKey())) {
      missing.add("titanj.app-key");
    }
    if (p.getTenantId() == null) {
      missing.add("titanj.tenant-id");
    }
    boolean custom = p.getApiBaseUrl() != null || p.getAuthBaseUrl() != null
        || "custom".equalsIgnoreCase(p.getEnvironment());
    if (custom && p.getApiBaseUrl() == null) {
      missing.add("titanj.api-base-url");
    }
    if (custom && p.getAuthBaseUrl() == null) {
      missing.add("titanj.auth-base-url");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("TitanJ is not configured: set " + String.join(", ", missing)
          + " (for example as environment variables such as TITANJ_CLIENT_ID), or turn the"
          + " auto-configuration off with titanj.enabled=false");
    }
    try {
      ServiceTitan.Builder b = ServiceTitan.builder()
          .environment(custom ? Environment.custom(p.getApiBaseUrl(), p.getAuthBaseUrl())
              : blank(p.getEnvironment()) ? Environment.INTEGRATION
              : Environment.named(p.getEnvironment()))
          .clientCredentials(p.getClientId(), p.getClientSecret())
          .appKey(p.getAppKey())
          .tenant(p.getTenantId());
      if (p.getConnectTimeout() != null) {
        b.connectTimeout(p.getConnectTimeout());
      }
      if (p.getReadTimeout() != null) {
        b.readTimeout(p.getReadTimeout());
      }
      if (p.getCallTimeout() != null) {
        b.callTimeout(p.getCallTimeout());
      }
      return b;
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Invalid titanj.* property: " + e.getMessage(), e);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Records titanj.* meters in the application's registry (the primary one if several). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  @ConditionalOnProperty(prefix = "titanj.metrics", name = "enabled", matchIfMissing = true)
  static class MetricsConfiguration {
    @Bean
    ServiceTitanBuilderCustomizer titanjMetricsCustomizer(ObjectProvider<MeterRegistry> registry,
        TitanJProperties properties) {
      return builder -> {
        MeterRegistry r = registry.getIfUnique();
        if (r != null) {
          builder.metrics(Metrics.micrometer(r)
              .tenantTag(properties.getMetrics().isTenantTag()));
        }
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  @ConditionalOnProperty(prefix = "management.health.titanj", name = "enabled",
      matchIfMissing = true)
  static class HealthConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "titanjHealthIndicator")
    ServiceTitanHealthIndicator titanjHealthIndicator(ServiceTitan serviceTitan) {
      return new ServiceTitanHealthIndicator(serviceTitan);
    }
  }

  /**
   * One bean per installed TitanJ module's entry point ({@code Crm}, {@code Jpm}, {@code
   * Accounting}...: every module whose {@code TitanModule} is on the class path), built with its
   * static {@code of(ServiceTitan)} from the context's client. A bean of the same type of your own
   * is kept instead.
   */
  @Bean
  static BeanDefinitionRegistryPostProcessor titanjModuleEntryPoints() {
    return new ModuleEntryPoints();
  }
}
