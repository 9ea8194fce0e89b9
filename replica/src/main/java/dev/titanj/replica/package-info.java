/**
 * TitanJ replica: a local copy of ServiceTitan resources kept in sync through export feeds (and
 * full lists for resources without one) in a JDBC database, with checkpoints, tombstones and a
 * change journal. The entry point is {@link dev.titanj.replica.Replica}; the schema, the
 * guarantees and the choice of H2 as the embedded default are in {@code docs/replica.md}.
 */
package dev.titanj.replica;
