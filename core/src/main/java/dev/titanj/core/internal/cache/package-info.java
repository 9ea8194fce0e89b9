/**
 * The JCache-backed implementation of TitanJ's read-through cache: manager selection (embedded
 * Ehcache with the client's clock as its time source, or any provider by class name), one JCache
 * cache per resource keyed by {@code environment|tenant|resource|id}, race-safe eviction and
 * hit/miss counting. Not a user API.
 */
package dev.titanj.core.internal.cache;
