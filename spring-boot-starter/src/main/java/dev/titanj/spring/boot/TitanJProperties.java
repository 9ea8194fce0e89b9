package dev.titanj.spring.boot;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code titanj.*} properties. The client secret and app key are never shown by {@link
 * #toString()}.
 */
@ConfigurationProperties(prefix = "titanj")
public class TitanJProperties {
  /** Whether to auto-configure a ServiceTitan client. */
  private boolean enabled = true;
  /**
   * "production" or "integration" (default); ignored when api-base-url and auth-base-url are set
   * (a custom environment).
   */
  private String environment;
  /** OAuth 2.0 client id. Required. */
  private String clientId;
  /** OAuth 2.0 client secret. Required. */
  private String clientSecret;
  /** Application key sent as ST-App-Key. Required. */
  private String appKey;
  /** Tenant id. Required. */
  private Long tenantId;
  /** API base URL of a custom environment; set together with auth-base-url. */
  private URI apiBaseUrl;
  /** Auth base URL of a custom environment ({auth}/connect/token); set with api-base-url. */
  private URI authBaseUrl;
  /** TCP connect timeout (core default 10 s). */
  private Duration connectTimeout;
  /** Socket read timeout (core default 100 s). */
  private Duration readTimeout;
  /** Whole-call timeout, retries included (core default 120 s). */
  private Duration callTimeout;
  private final Metrics metrics = new Metrics();

  /** {@code titanj.metrics.*}. */
  public static class Metrics {
    /** Whether to record titanj.* meters in the application's MeterRegistry, when it has one. */
    private boolean enabled = true;
    /** Whether request meters carry a tenant tag (mind the cardinality with many tenants). */
    private boolean tenantTag;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public boolean isTenantTag() {
      return tenantTag;
    }

    public void setTenantTag(boolean tenantTag) {
      this.tenantTag = tenantTag;
    }

    @Override
    public String toString() {
      return "Metrics{enabled=" + enabled + ", tenantTag=" + tenantTag + "}";
    }
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getEnvironment() {
    return environment;
  }

  public void setEnvironment(String environment) {
    this.environment = environment;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  /** The client secret, for building the client; never logged or shown in {@link #toString()}. */
  public String getClientSecret() {
    return clientSecret;
  }

  public void setClientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
  }

  /** The app key, for building the client; never logged or shown in {@link #toString()}. */
  public String getAppKey() {
    return appKey;
  }

  public void setAppKey(String appKey) {
    this.appKey = appKey;
  }

  public Long getTenantId() {
    return tenantId;
  }

  public void setTenantId(Long tenantId) {
    this.tenantId = tenantId;
  }

  public URI getApiBaseUrl() {
    return apiBaseUrl;
  }

  public void setApiBaseUrl(URI apiBaseUrl) {
    this.apiBaseUrl = apiBaseUrl;
  }

  public URI getAuthBaseUrl() {
    return authBaseUrl;
  }

  public void setAuthBaseUrl(URI authBaseUrl) {
    this.authBaseUrl = authBaseUrl;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getReadTimeout() {
    return readTimeout;
  }

  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  public Duration getCallTimeout() {
    return callTimeout;
  }

  public void setCallTimeout(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  public Metrics getMetrics() {
    return metrics;
  }

  @Override
  public String toString() {
    return "TitanJProperties{enabled=" + enabled + ", environment=" + environment
        + ", clientId=" + clientId
        + ", clientSecret=" + (clientSecret == null ? null : "<redacted>")
        + ", appKey=" + (appKey == null ? null : "<redacted>")
        + ", tenantId=" + tenantId + ", apiBaseUrl=" + apiBaseUrl + ", authBaseUrl=" + authBaseUrl
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", callTimeout=" + callTimeout + ", metrics=" + metrics + "}";
  }
}
