package dev.titanj.replica;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids a full scan has seen, for telling vanished records from present ones afterwards. Long
 * ids take eight bytes each (a sorted array, no boxing), so a scan of a million records holds
 * 8 MB; text ids use a hash set.
 */
final class IdSet {
  private final boolean integral;
  private long[] longs = new long[1024];
  private int size;
  private boolean sorted = true;
  private final Set<String> texts = new HashSet<>();

  IdSet(boolean integral) {
    this.integral = integral;
  }

  void add(Object id) {
    if (!integral) {
      texts.add(id.toString());
      return;
    }
    long v = ((Number) id).longValue();
    if (size == longs.length) {
      longs = Arrays.copyOf(longs, Math.max(1024, longs.length * 2));
    }
    if (size > 0 && longs[size - 1] > v) {
      sorted = false;
    }
    longs[size++] = v;
  }

  boolean contains(Object id) {
    if (!integral) {
      return texts.contains(id.toString());
    }
    if (!sorted) {
      Arrays.sort(longs, 0, size);
      sorted = true;
    }
    return Arrays.binarySearch(longs, 0, size, ((Number) id).longValue()) >= 0;
  }
}
