package dev.titanj.reporting;

import dev.titanj.core.ServiceTitan;
import dev.titanj.core.spi.ModuleRuntime;
import dev.titanj.reporting.internal.ReportSlots;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.cache.Cache;

/**
 * How report runs are paced. ServiceTitan allows one data request of a given report per minute
 * per tenant; instead of sending more and collecting 429 responses, the {@link ReportRunner}
 * gives every data request of a report a slot one interval after the previous one and waits for
 * it (on the client's {@code Sleeper}, measured on its {@code Clock}). Slots are kept per
 * (environment, tenant, application, category, report): different reports never wait for each
 * other; the same report waits across threads (one slot per report, reserved atomically, the
 * wait outside any lock).
 *
 * <p>Every data request counts, page 2 and 3 of a run included: the data endpoint is a stateless
 * {@code POST .../data?page=N} with no run or cursor id, so the server cannot tell a next page
 * from a new run (see {@code docs/reporting.md} for the evidence). Keep pages large (the runner
 * asks for the API's maximum, 25,000 rows) so a run needs few of them.
 *
 * <p>Where slots live: {@link #defaults()} shares them with other processes through the JCache
 * cache the client's rate budget is shared through ({@code RateLimit.shared(...)}), and keeps
 * them in the client otherwise; {@link #shared(Cache)} names a cache; {@link #inProcess()} never
 * shares.
 */
public final class ReportPacing {
  /** ServiceTitan's limit: one run of a report per minute and tenant. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

  private static final Map<ServiceTitan, ReportSlots> LOCAL =
      Collections.synchronizedMap(new WeakHashMap<>());

  private enum Where { AUTO, LOCAL, SHARED }

  private final Duration interval;
  private final Where where;
  private final Cache<String, byte[]> cache;

  private ReportPacing(Duration interval, Where where, Cache<String, byte[]> cache) {
    this.interval = interval;
    this.where = where;
    this.cache = cache;
  }

  /**
   * One minute per report; shared across processes when the client's rate budget is shared
   * through JCache, kept in the client otherwise.
   */
  public static ReportPacing defaults() {
    return new ReportPacing(DEFAULT_INTERVAL, Where.AUTO, null);
  }

  /**
   * One minute per report, kept per client: the threads of one {@code ServiceTitan} client pace
   * together; another client of the same tenant (in this process or another) does not see its
   * slots.
   */
  public static ReportPacing inProcess() {
    return new ReportPacing(DEFAULT_INTERVAL, Where.LOCAL, null);
  }

  /**
   * One minute per report, the slots kept in {@code cache} (for example the cache
   * {@code RateLimit.SHARED_CACHE_NAME} of a Hazelcast JCache cluster), so every process using it
   * paces together. Each reservation is one atomic entry processor call; when the cache fails, a
   * client paces alone until it is back.
   */
  public static ReportPacing shared(Cache<String, byte[]> cache) {
    if (cache == null) {
      throw new IllegalArgumentException("cache must not be null");
    }
    return new ReportPacing(DEFAULT_INTERVAL, Where.SHARED, cache);
  }

  /**
   * No pacing at all: for servers without the limit (the fake server of {@code titanj-testing}).
   * Against ServiceTitan the second run of a report within a minute gets a 429.
   */
  public static ReportPacing none() {
    return new ReportPacing(Duration.ZERO, Where.LOCAL, null);
  }

  /** The same pacing with another interval between runs of one report (zero: none; at most an hour). */
  public ReportPacing interval(Duration interval) {
    if (interval == null || interval.isNegative() || interval.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("interval must be between zero and one hour, was "
          + interval);
    }
    return new ReportPacing(interval, where, cache);
  }

  /** The interval between two data requests of one report. */
  public Duration interval() {
    return interval;
  }

  /** Whether slots are kept outside the client ({@link #shared(Cache)}, or automatically). */
  boolean isShared(ModuleRuntime m) {
    return where == Where.SHARED || (where == Where.AUTO && m.sharedLimits().isPresent());
  }

  ReportSlots slots(ServiceTitan st, ModuleRuntime m) {
    ReportSlots local = LOCAL.computeIfAbsent(st, k -> ReportSlots.local());
    switch (where) {
      case SHARED:
        return ReportSlots.shared(cache, local);
      case AUTO:
        return m.sharedLimits().map(c -> ReportSlots.shared(c, local)).orElse(local);
      default:
        return local;
    }
  }

  @Override
  public String toString() {
    return "ReportPacing{" + interval + ", " + where.name().toLowerCase(java.util.Locale.ROOT)
        + (cache == null ? "" : ", cache=" + cache.getName()) + "}";
  }
}
