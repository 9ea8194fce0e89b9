package dev.titanj.replica;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the change journal: which record a sync run inserted, updated or deleted.
 * Downstream jobs read the journal in {@link #seq()} order with {@link Replica#changes(long, int)}
 * and remember the last sequence number they processed.
 *
 * @param seq the journal's sequence number, increasing in commit order within a database
 * @param runId the sync run that made the change
 * @param resource the resource name, {@code crm.customers}
 * @param id the record id as text
 * @param kind what happened to the record
 * @param modifiedOn the record's {@code modifiedOn}, when it has one
 */
public record Change(long seq, long runId, String resource, String id, ChangeKind kind,
    Optional<Instant> modifiedOn) {

  /** Checks the components. */
  public Change {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(modifiedOn, "modifiedOn");
  }
}
