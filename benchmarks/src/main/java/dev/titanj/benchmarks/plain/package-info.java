/**
 * The decode baseline: plain mutable classes with public fields and the same field set as the
 * generated value types, decoded by Moshi's reflective class adapter.
 */
package dev.titanj.benchmarks.plain;
