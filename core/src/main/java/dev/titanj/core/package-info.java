/**
 * TitanJ's core: the {@link dev.titanj.core.ServiceTitan} client (environment, OAuth 2.0
 * client credentials, retries, rate limit, cache), the exception tree, and the generic query,
 * paging, export-feed and cache types every API module builds on.
 *
 * <h2>Queries</h2>
 * A {@link dev.titanj.core.ListQuery} is immutable: every filter or option returns a new query.
 * Terminals: {@code stream()} and {@code iterator()} page lazily (the current page plus one
 * prefetched page in memory; close the stream to stop); {@code page(n)} is exactly one request;
 * {@code first()} one request of page size 1; {@code count()} one request with
 * {@code includeTotal=true&pageSize=1}. {@code pageSize} is a fetch hint bounded by the
 * endpoint's maximum, {@code limit} a cap across pages. A page that fails transiently while
 * streaming is requested again with the same number (up to three times), so a stream never
 * skips or repeats a record. {@code parallelism(k)} fetches up to k pages at once when the server
 * reports the total, still delivering records in order.
 *
 * <h2>Export feeds</h2>
 * An {@link dev.titanj.core.ExportFeed} walks an {@code /export/...} endpoint from an
 * {@link dev.titanj.core.ExportCursor} (the beginning, a saved token, or a date) while the
 * server says {@code hasMore}. {@code cursor()} moves past a batch only once the consumer has
 * come back for the record after its last one, so persisting it never loses a record; a batch
 * that was only partly processed is delivered again by the next run (sinks should upsert).
 *
 * <h2>Cache</h2>
 * Read-through by id, through JCache (JSR-107) with Ehcache 3 embedded by default
 * ({@link dev.titanj.core.CacheSettings}). Reference data is cached by default, transactional
 * data is not. Keys carry environment, tenant, resource and id. Writes through the client evict
 * what they change. Only successful reads are stored: errors and 404s are never cached, so a
 * record created after a miss is found by the next read. TTLs run on the client's injected
 * {@link java.time.Clock}. Hits and misses: {@link dev.titanj.core.ServiceTitan#cacheStatistics()}.
 *
 * <h2>Several instances</h2>
 * Application instances that share a JCache cluster (Hazelcast...) share one access token
 * ({@link dev.titanj.core.JCacheTokenStore}: one token request per expiry across the cluster),
 * one response cache ({@link dev.titanj.core.CacheSettings.Builder#cacheManager}: a write through
 * any instance evicts everywhere) and one request budget
 * ({@link dev.titanj.core.RateLimit#shared(javax.cache.CacheManager, int)}, Bucket4j, an optional
 * dependency). Connection pools, paging threads and the in-process single-flight stay per instance.
 */
package dev.titanj.core;
