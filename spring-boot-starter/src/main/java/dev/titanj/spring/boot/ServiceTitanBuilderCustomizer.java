package dev.titanj.spring.boot;

import dev.titanj.core.ServiceTitan;

/**
 * Adjusts the auto-configured client's builder after the {@code titanj.*} properties are applied:
 * retry policy, cache settings, rate limit, token store... Declare one or more as beans; they run
 * in {@link org.springframework.core.annotation.Order} order.
 */
@FunctionalInterface
public interface ServiceTitanBuilderCustomizer {
  void customize(ServiceTitan.Builder builder);
}
