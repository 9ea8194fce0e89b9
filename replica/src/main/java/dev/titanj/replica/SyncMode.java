package dev.titanj.replica;

/** How a resource is kept in sync. */
public enum SyncMode {
  /**
   * Through the resource's export feed: only what changed since the stored continuation token is
   * read; inactive records arrive as {@code active=false} tombstones.
   */
  EXPORT,
  /**
   * Through a full list of the resource (with {@code active=Any} where the list has that filter)
   * compared with the local copy: ids the list no longer returns are marked deleted.
   */
  FULL_SCAN
}
