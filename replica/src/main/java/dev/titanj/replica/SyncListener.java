package dev.titanj.replica;

/**
 * Told after every committed batch of a sync, on the syncing thread; for progress bars and logs.
 * A listener that throws stops the sync after the committed batch (nothing is lost).
 */
@FunctionalInterface
public interface SyncListener {
  /** Does nothing. */
  SyncListener NONE = progress -> { };

  /** A batch of {@code progress.resource()} was committed. */
  void batchCommitted(Progress progress);

  /**
   * Where a resource's sync stands after a committed batch.
   *
   * @param resource the resource name
   * @param mode how it is synced
   * @param batches batches committed in this run
   * @param received records received in this run
   * @param changed records written in this run (inserted, updated or deleted)
   * @param checkpoint the continuation token now stored (null for full scans)
   */
  record Progress(String resource, SyncMode mode, long batches, long received, long changed,
      String checkpoint) { }
}
