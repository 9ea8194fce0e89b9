package dev.titanj.spring.boot;

import dev.titanj.core.ServiceTitan;
import dev.titanj.core.TitanApiException;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * UP when the client holds or can obtain an access token, DOWN when the token endpoint refuses the
 * credentials or cannot be reached. The cached token is used while it is valid, so a health check
 * costs no request most of the time. Details name the environment and tenant, and on failure the
 * kind of error and its HTTP status; never the token, the secret or the app key.
 */
public class ServiceTitanHealthIndicator extends AbstractHealthIndicator {
  private final ServiceTitan serviceTitan;

  public ServiceTitanHealthIndicator(ServiceTitan serviceTitan) {
    super("ServiceTitan health check failed");
    this.serviceTitan = serviceTitan;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetail("environment", serviceTitan.environment().name())
        .withDetail("tenant", serviceTitan.tenantId());
    try {
      serviceTitan.verifyCredentials();
      builder.up();
    } catch (RuntimeException e) {
      builder.down().withDetail("error", e.getClass().getSimpleName());
      if (e instanceof TitanApiException && ((TitanApiException) e).status() > 0) {
        builder.withDetail("status", ((TitanApiException) e).status());
      }
    }
  }
}
