package io.cvolsim.model.workers;

import io.cvolsim.model.db.Row;

/**
 * A {@code workers} row as one process last saw or wrote it: Cinder's in-memory
 * {@code obj.worker}. {@code cleaning} exists only in memory and marks an entry a cleanup handed
 * to the operation it re-runs, so that {@code set_worker} leaves the row alone.
 *
 * @param serviceId null when the row is unclaimed
 */
public record WorkerEntry(long id, String resourceType, String resourceId, String status,
    Long serviceId, long racePreventer, long updatedAtNanos, boolean cleaning) {

  public static WorkerEntry of(Row row) {
    return new WorkerEntry(row.longValue(WorkerColumns.ID, 0), row.string(WorkerColumns.RESOURCE_TYPE),
        row.string(WorkerColumns.RESOURCE_ID), row.string(WorkerColumns.STATUS),
        (Long) row.get(WorkerColumns.SERVICE_ID), row.longValue(WorkerColumns.RACE_PREVENTER, 0),
        row.longValue(WorkerColumns.UPDATED_AT, 0), false);
  }

  /** The entry after this process's update wrote these values. */
  WorkerEntry updated(Long newServiceId, String newStatus, long newRacePreventer, long newUpdatedAtNanos) {
    return new WorkerEntry(id, resourceType, resourceId, newStatus, newServiceId, newRacePreventer,
        newUpdatedAtNanos, cleaning);
  }

  WorkerEntry markedCleaning() {
    return new WorkerEntry(id, resourceType, resourceId, status, serviceId, racePreventer,
        updatedAtNanos, true);
  }
}
