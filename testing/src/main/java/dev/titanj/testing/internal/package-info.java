/**
 * Implementation of the fake server and the fixture store: data tables, the resource registry,
 * seeding, JSON trees, scrubbing. Not an API; may change in any release.
 */
package dev.titanj.testing.internal;
