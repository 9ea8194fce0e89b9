package dev.titanj.replica;

import java.time.Duration;
import java.util.Objects;

/**
 * What one {@link Replica#sync()} did for one resource.
 *
 * @param resource the resource name, {@code crm.customers}
 * @param mode how the resource was synced
 * @param inserted records inserted (journal {@link ChangeKind#INSERTED})
 * @param updated records updated
 * @param deleted records that became tombstones
 * @param unchanged records received that were already stored exactly so (nothing written)
 * @param batches export batches or list pages of {@code batchSize} records processed
 * @param caughtUp whether the resource was read to its end (the feed said {@code hasMore=false}
 *     or the full list ended); false when a bound stopped the run first
 * @param duration the wall-clock time spent on the resource
 */
public record ResourceSyncReport(String resource, SyncMode mode, long inserted, long updated,
    long deleted, long unchanged, long batches, boolean caughtUp, Duration duration) {

  /** Checks the components. */
  public ResourceSyncReport {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(duration, "duration");
  }

  /** Records received from the API: changed and unchanged. */
  public long received() {
    return inserted + updated + deleted + unchanged;
  }

  /** Records written: inserted, updated and deleted. */
  public long changed() {
    return inserted + updated + deleted;
  }
}
