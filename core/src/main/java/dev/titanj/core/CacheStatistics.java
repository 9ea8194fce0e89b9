package dev.titanj.core;

import java.util.Map;
import java.util.TreeMap;

/** Hit and miss counts of a client's response cache, overall and per resource. */
public final class CacheStatistics {
  private final Map<String, long[]> perResource;

  /** @param perResource resource name to {@code {hits, misses}} */
  public CacheStatistics(Map<String, long[]> perResource) {
    Map<String, long[]> copy = new TreeMap<>();
    perResource.forEach((k, v) -> copy.put(k, new long[] {v[0], v[1]}));
    this.perResource = copy;
  }

  /** Reads served from the cache. */
  public long hits() {
    return perResource.values().stream().mapToLong(v -> v[0]).sum();
  }

  /** Reads that went to the API. */
  public long misses() {
    return perResource.values().stream().mapToLong(v -> v[1]).sum();
  }

  /** Hits of one resource. */
  public long hits(String resource) {
    long[] v = perResource.get(resource);
    return v == null ? 0 : v[0];
  }

  /** Misses of one resource. */
  public long misses(String resource) {
    long[] v = perResource.get(resource);
    return v == null ? 0 : v[1];
  }

  /** Names of resources that have seen cache traffic. */
  public java.util.Set<String> resources() {
    return java.util.Collections.unmodifiableSet(perResource.keySet());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CacheStatistics{hits=").append(hits())
        .append(", misses=").append(misses());
    perResource.forEach((k, v) -> sb.append(", ").append(k).append('=').append(v[0]).append('/').append(v[1]));
    return sb.append('}').toString();
  }
}
