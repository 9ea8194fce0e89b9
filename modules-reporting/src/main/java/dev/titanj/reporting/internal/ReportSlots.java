package dev.titanj.reporting.internal;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.cache.Cache;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The next free slot of each report: {@link #reserve} claims the earliest slot at or after
 * {@code now} and one interval after the previous claim, atomically, and returns it; the caller
 * waits for it outside any lock. Not a user API (hand-written, not generated).
 */
public abstract class ReportSlots {
  /** Prefix of the keys slots are kept under in a shared cache. */
  public static final String KEY_PREFIX = "titanj-report|";

  private ReportSlots() {}

  /**
   * Claims the next slot of {@code key}.
   *
   * @return the epoch millisecond at which the caller may send (at least {@code nowMillis})
   */
  public abstract long reserve(String key, long nowMillis, long intervalMillis);

  /** Slots kept in this process. */
  public static ReportSlots local() {
    return new Local();
  }

  /** Slots kept in {@code cache}; {@code fallback} while the cache fails. */
  public static ReportSlots shared(Cache<String, byte[]> cache, ReportSlots fallback) {
    return new Shared(cache, fallback);
  }

  private static final class Local extends ReportSlots {
    private final ConcurrentHashMap<String, Long> next = new ConcurrentHashMap<>();

    @Override
    public long reserve(String key, long nowMillis, long intervalMillis) {
      long[] slot = new long[1];
      next.compute(key, (k, v) -> {
        slot[0] = v == null ? nowMillis : Math.max(nowMillis, v);
        return slot[0] + intervalMillis;
      });
      return slot[0];
    }

    @Override
    public String toString() {
      return "ReportSlots{in process}";
    }
  }

  private static final class Shared extends ReportSlots {
    private static final Logger log = LoggerFactory.getLogger("dev.titanj.http");

    private final Cache<String, byte[]> cache;
    private final ReportSlots fallback;
    private final AtomicBoolean degraded = new AtomicBoolean();

    Shared(Cache<String, byte[]> cache, ReportSlots fallback) {
      this.cache = cache;
      this.fallback = fallback;
    }

    @Override
    public long reserve(String key, long nowMillis, long intervalMillis) {
      try {
        String k = KEY_PREFIX + key;
        // The entry exists before the processor runs: some JCache providers (Ehcache storing by
        // value) fail an entry processor on an absent entry. A stale value is harmless: the
        // slot is never earlier than now.
        cache.putIfAbsent(k, encode(nowMillis));
        Long slot = cache.invoke(k, new Reserve(nowMillis, intervalMillis));
        if (degraded.compareAndSet(true, false)) {
          log.info("shared report pacing reachable again");
        }
        return slot == null ? nowMillis : slot;
      } catch (RuntimeException e) {
        if (degraded.compareAndSet(false, true)) {
          log.warn("shared report pacing unavailable ({}); this instance paces reports alone "
              + "until it is back", e.getClass().getName());
        }
        return fallback.reserve(key, nowMillis, intervalMillis);
      }
    }

    @Override
    public String toString() {
      return "ReportSlots{shared, cache=" + cache.getName() + "}";
    }
  }

  static byte[] encode(long millis) {
    return ByteBuffer.allocate(Long.BYTES).putLong(millis).array();
  }

  /**
   * The reservation as one entry processor call, run atomically on the member owning the entry
   * (it must be on the class path of a cluster's members, like Bucket4j's processors). The value
   * is the next free slot, 8 bytes big-endian epoch millis.
   */
  public static final class Reserve implements EntryProcessor<String, byte[], Long>, Serializable {
    private static final long serialVersionUID = 1L;

    private final long nowMillis;
    private final long intervalMillis;

    public Reserve(long nowMillis, long intervalMillis) {
      this.nowMillis = nowMillis;
      this.intervalMillis = intervalMillis;
    }

    @Override
    public Long process(MutableEntry<String, byte[]> entry, Object... arguments) {
      byte[] v = entry.exists() ? entry.getValue() : null;
      long next = v != null && v.length == Long.BYTES ? ByteBuffer.wrap(v).getLong() : nowMillis;
      long slot = Math.max(nowMillis, next);
      entry.setValue(encode(slot + intervalMillis));
      return slot;
    }
  }
}
