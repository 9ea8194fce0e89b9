package dev.titanj.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a client reports its metrics: nowhere ({@link #none()}, the default) or a Micrometer
 * {@code MeterRegistry} ({@link #micrometer(io.micrometer.core.instrument.MeterRegistry)}).
 *
 * <p>Micrometer is an optional dependency of {@code titanj-core}: without a registry no Micrometer
 * class is ever loaded, so applications that do not use it need not have it on the class path.
 *
 * <p>Meters (all prefixed {@code titanj.}; tags never hold ids, query strings, tokens or keys):
 *
 * <ul>
 *   <li>{@code titanj.requests} (timer): one API call from first attempt to the response headers,
 *       retries and waits included; tags {@code method}, {@code uri} (the path template such as
 *       {@code /crm/v2/tenant/{tenant}/customers/{id}}), {@code status} (the final status, or
 *       {@code IO_ERROR}), {@code outcome} ({@code SUCCESS}, {@code CLIENT_ERROR}, {@code
 *       SERVER_ERROR}, {@code REDIRECTION}, {@code UNKNOWN})
 *   <li>{@code titanj.retries} (counter): attempts after the first; tags {@code method}, {@code uri}
 *   <li>{@code titanj.throttled} (counter): 429 answers, retried or not; tags {@code method},
 *       {@code uri}
 *   <li>{@code titanj.token.requests} (timer): token requests (retries included); tags {@code
 *       status}, {@code outcome}
 *   <li>{@code titanj.ratelimit.wait} (timer): each wait of the client-side rate limiter
 *   <li>{@code titanj.cache.gets} (counter): response cache lookups; tags {@code cache} (the
 *       resource, e.g. {@code crm.customers}) and {@code result} ({@code hit} or {@code miss})
 * </ul>
 *
 * Immutable; {@link #tag} and {@link #tenantTag} return changed copies.
 */
public final class Metrics {
  private static final Metrics NONE = new Metrics(null, Map.of(), false);

  /** A {@code MeterRegistry}, typed Object so this class loads without Micrometer. */
  private final Object registry;
  private final Map<String, String> tags;
  private final boolean tenantTag;

  private Metrics(Object registry, Map<String, String> tags, boolean tenantTag) {
    this.registry = registry;
    this.tags = tags;
    this.tenantTag = tenantTag;
  }

  /** No metrics (the default). */
  public static Metrics none() {
    return NONE;
  }

  /**
   * Metrics recorded in {@code registry}.
   *
   * @throws IllegalArgumentException if {@code registry} is null
   */
  public static Metrics micrometer(io.micrometer.core.instrument.MeterRegistry registry) {
    if (registry == null) {
      throw new IllegalArgumentException("registry must not be null");
    }
    return new Metrics(registry, Map.of(), false);
  }

  /**
   * A copy that adds the tag {@code key=value} to every meter of this client, for example {@code
   * tag("client", "warehouse-sync")} when one application runs several clients.
   *
   * @throws IllegalArgumentException if key or value is blank
   */
  public Metrics tag(String key, String value) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("key must not be blank");
    }
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("value must not be blank");
    }
    Map<String, String> t = new LinkedHashMap<>(tags);
    t.put(key, value);
    return new Metrics(registry, Map.copyOf(t), tenantTag);
  }

  /**
   * A copy that adds a {@code tenant} tag (the tenant id) to request, retry, throttling, token and
   * rate-limit meters. Off by default: an integrator serving hundreds of tenants multiplies every
   * series by their number. Cache meters are shared by a client and its {@code withTenant}
   * clients and never carry it.
   */
  public Metrics tenantTag(boolean enabled) {
    return new Metrics(registry, tags, enabled);
  }

  /** Whether anything is recorded. */
  public boolean isEnabled() {
    return registry != null;
  }

  /** For the client's internals: the registry (a {@code MeterRegistry}) or null. */
  Object registry() {
    return registry;
  }

  /** The extra tags given with {@link #tag}. */
  public Map<String, String> tags() {
    return tags;
  }

  /** Whether the tenant tag is added. */
  public boolean hasTenantTag() {
    return tenantTag;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Metrics && ((Metrics) o).registry == registry
        && ((Metrics) o).tags.equals(tags) && ((Metrics) o).tenantTag == tenantTag;
  }

  @Override
  public int hashCode() {
    return Objects.hash(System.identityHashCode(registry), tags, tenantTag);
  }

  @Override
  public String toString() {
    return registry == null ? "Metrics{none}"
        : "Metrics{micrometer " + registry.getClass().getSimpleName() + ", tags=" + tags
            + ", tenantTag=" + tenantTag + "}";
  }
}
