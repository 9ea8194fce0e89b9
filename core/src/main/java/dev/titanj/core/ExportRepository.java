package dev.titanj.core;

/**
 * Follows the resource's export feed, the change feed the replica and syncs resume from.
 *
 * @param <T> the record type (the same type {@code query()} and {@code findById} return)
 * @param <K> the id type
 */
public interface ExportRepository<T, K> extends Repository<T, K> {
  /** The export feed from {@code cursor}. */
  ExportFeed<T> export(ExportCursor cursor);

  /** The export feed from the beginning. */
  default ExportFeed<T> export() {
    return export(ExportCursor.beginning());
  }
}
