/**
 * TitanJ's benchmarks (not published): JMH microbenchmarks for decoding, query building and
 * cache hits, and {@link dev.titanj.benchmarks.SyncHarness}, an end-to-end harness against the
 * fake ServiceTitan on loopback. How to run them and the latest figures: {@code benchmarks/RESULTS.md}.
 */
package dev.titanj.benchmarks;
