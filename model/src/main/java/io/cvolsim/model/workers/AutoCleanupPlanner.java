package io.cvolsim.model.workers;

import io.cvolsim.model.db.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * The periodic decision of the automatic cleanup (V9; reference §5.6, NOT IMPLEMENTED in Cinder):
 * a scheduler calls {@link #onTick} every {@code service_down_time} with the services rows it
 * read, and gets the cleanup requests to route through {@link CleanupRouting}. A service seen down
 * on {@code autoCleanupChecks + 1} consecutive samples has been down for at least
 * {@code autoCleanupChecks × service_down_time} of this scheduler's clock and is cleaned once per
 * down spell. What was cleaned lives in this scheduler's memory only: other schedulers, a
 * restarted one or a newly elected leader do not know it, which is the spec's open problem.
 */
public final class AutoCleanupPlanner {
  private final CleanupTrigger trigger;
  private final int autoCleanupChecks;
  private final ServiceLiveness liveness;
  private final BooleanSupplier isLeader;
  private final TreeMap<Long, Integer> downSamples = new TreeMap<>();
  private final TreeSet<Long> requested = new TreeSet<>();

  /** @param isLeader asked on every tick under {@link CleanupTrigger#DLM_LEADER} only */
  public AutoCleanupPlanner(CleanupTrigger trigger, int autoCleanupChecks, ServiceLiveness liveness,
      BooleanSupplier isLeader) {
    if (autoCleanupChecks < 1) {
      throw new IllegalArgumentException("auto_cleanup_checks must be at least 1: " + autoCleanupChecks);
    }
    this.trigger = trigger;
    this.autoCleanupChecks = autoCleanupChecks;
    this.liveness = liveness;
    this.isLeader = isLeader;
  }

  /** How often the scheduler should call {@link #onTick}: every {@code service_down_time}. */
  public long tickIntervalNanos() {
    return liveness.serviceDownTimeNanos();
  }

  /** One sample; answers a request per service to clean now, bounded by this scheduler's now. */
  public List<CleanupRequest> onTick(List<Row> services, long schedulerNowNanos) {
    if (trigger == CleanupTrigger.MANUAL) {
      return List.of();
    }
    if (trigger == CleanupTrigger.DLM_LEADER && !isLeader.getAsBoolean()) {
      // Only the leader samples; a later leader starts with no memory.
      downSamples.clear();
      requested.clear();
      return List.of();
    }
    TreeSet<Long> seen = new TreeSet<>();
    List<CleanupRequest> toClean = new ArrayList<>();
    for (Row service : services) {
      if (service.isTrue(ServiceColumns.DELETED)) {
        continue;
      }
      long id = service.longValue(ServiceColumns.ID, 0);
      seen.add(id);
      if (liveness.serviceIsUp(service, schedulerNowNanos)) {
        downSamples.remove(id);
        requested.remove(id);
        continue;
      }
      int samples = downSamples.merge(id, 1, Integer::sum);
      if (samples > autoCleanupChecks && requested.add(id)) {
        toClean.add(CleanupRequest.forService(id).withUntilNanos(schedulerNowNanos));
      }
    }
    downSamples.keySet().retainAll(seen);
    requested.retainAll(seen);
    return toClean;
  }
}
