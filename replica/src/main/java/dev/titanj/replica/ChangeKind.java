package dev.titanj.replica;

/** What one sync did to one record of the replica; the {@code change_kind} of a journal entry. */
public enum ChangeKind {
  /** The id was not in the replica (or had vanished from it) and now is. */
  INSERTED,
  /** A stored record changed: new fields, a reactivation, or a change to an inactive record. */
  UPDATED,
  /**
   * The record became a tombstone: it arrived with {@code active=false} while the local copy was
   * active, or it vanished from a full list of a resource that has no export feed.
   */
  DELETED
}
