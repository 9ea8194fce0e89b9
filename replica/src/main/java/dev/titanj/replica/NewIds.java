package dev.titanj.replica;

/**
 * Tells, without a query, that an id of one sync of one resource is not stored yet, so its
 * batch need not look it up: an integral id above the largest id the tenant's table held when the
 * sync began, and not written by this sync since. The ids written are kept in a Bloom filter
 * (2 MiB, three probes), which can answer "maybe" for an id never written (then the id is looked
 * up as before: about 0.4% of ids at a million written, more beyond) but never "no" for one
 * that was, so the answer "not stored" is exact. It relies on the one-writer rule the checkpoint
 * version enforces: a row another process inserted meanwhile makes the insert fail on the
 * primary key, and the batch rolls back. Text ids are always looked up.
 */
final class NewIds {
  private static final int BITS = 1 << 24;
  private static final int MASK = BITS - 1;

  /** For text ids, and tables whose largest id could not be read: every id is looked up. */
  static final NewIds NONE = new NewIds(false, Long.MAX_VALUE);

  private final boolean enabled;
  private final long maxAtStart;
  private final long[] words;

  private NewIds(boolean enabled, long maxAtStart) {
    this.enabled = enabled;
    this.maxAtStart = maxAtStart;
    this.words = enabled ? new long[BITS / 64] : null;
  }

  /**
   * For a sync of a table with integral ids whose largest stored id (of this tenant, deleted
   * rows included) is {@code maxAtStart}; {@code Long.MIN_VALUE} when it holds none.
   */
  static NewIds above(long maxAtStart) {
    return new NewIds(true, maxAtStart);
  }

  /** True when {@code id} is certainly not stored: no lookup needed. */
  boolean certainlyAbsent(Object id) {
    if (!enabled || !(id instanceof Long)) {
      return false;
    }
    long v = (Long) id;
    if (v <= maxAtStart) {
      return false;
    }
    long h = mix(v);
    return !(bit((int) h) && bit((int) (h >>> 24)) && bit((int) (h >>> 40)));
  }

  /** Records that {@code id} is (or may soon be) stored. */
  void written(Object id) {
    if (!enabled || !(id instanceof Long)) {
      return;
    }
    long h = mix((Long) id);
    set((int) h);
    set((int) (h >>> 24));
    set((int) (h >>> 40));
  }

  private boolean bit(int i) {
    int b = i & MASK;
    return (words[b >>> 6] & (1L << b)) != 0;
  }

  private void set(int i) {
    int b = i & MASK;
    words[b >>> 6] |= 1L << b;
  }

  /** A 64-bit finaliser (SplitMix64), so neighbouring ids spread over the filter. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
