package dev.titanj.replica;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one {@link Replica#sync()} did: per resource, how many records it inserted, updated and
 * deleted, and the id of the sync run under which those changes are in the journal.
 *
 * @param tenant the tenant synced
 * @param runId the run's id in {@code titanj_sync_run} and the journal; empty when the run
 *     changed nothing (a run with nothing to write writes nothing, not even a run row)
 * @param startedAt when the run started
 * @param duration how long it took
 * @param resources one report per resource, in the order they were synced
 */
public record SyncReport(long tenant, OptionalLong runId, Instant startedAt, Duration duration,
    List<ResourceSyncReport> resources) {

  /** Checks the components and copies the list. */
  public SyncReport {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(duration, "duration");
    resources = List.copyOf(resources);
  }

  /** The report of {@code resource} ({@code crm.customers}), if it was synced. */
  public Optional<ResourceSyncReport> resource(String resource) {
    return resources.stream().filter(r -> r.resource().equals(resource)).findFirst();
  }

  /** Records inserted across all resources. */
  public long inserted() {
    return resources.stream().mapToLong(ResourceSyncReport::inserted).sum();
  }

  /** Records updated across all resources. */
  public long updated() {
    return resources.stream().mapToLong(ResourceSyncReport::updated).sum();
  }

  /** Records deleted across all resources. */
  public long deleted() {
    return resources.stream().mapToLong(ResourceSyncReport::deleted).sum();
  }

  /** Records written across all resources: inserted, updated and deleted. */
  public long changed() {
    return inserted() + updated() + deleted();
  }

  /** Whether every resource was read to its end. */
  public boolean caughtUp() {
    return resources.stream().allMatch(ResourceSyncReport::caughtUp);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SyncReport{tenant=").append(tenant);
    runId.ifPresent(id -> sb.append(", run=").append(id));
    for (ResourceSyncReport r : resources) {
      sb.append(", ").append(r.resource()).append(": +").append(r.inserted()).append(" ~")
          .append(r.updated()).append(" -").append(r.deleted()).append(" =").append(r.unchanged());
    }
    return sb.append(", ").append(duration.toMillis()).append(" ms}").toString();
  }
}
