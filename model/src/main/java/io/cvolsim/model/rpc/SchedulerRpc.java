package io.cvolsim.model.rpc;

import io.cvolsim.kernel.api.Message;
import io.cvolsim.model.workers.CleanupRequest;

/** What the API and volume services send on the {@code cinder-scheduler} topic. */
public sealed interface SchedulerRpc extends Message {

  /**
   * scheduler_rpcapi.create_volume: place a new volume, then cast it to the chosen backend.
   * {@code retry} is what earlier placements left (null on a first request: the scheduler adds it).
   */
  record CreateVolume(String volumeId, String sourceVolumeId, String sourceSnapshotId, long sizeGb,
      SchedulingRetry retry) implements SchedulerRpc {
    public CreateVolume(String volumeId, String sourceVolumeId, String sourceSnapshotId, long sizeGb) {
      this(volumeId, sourceVolumeId, sourceSnapshotId, sizeGb, null);
    }
  }

  /** scheduler_rpcapi.extend_volume: check capacity, then cast to the volume's backend. */
  record ExtendVolume(String volumeId, long newSizeGb) implements SchedulerRpc {}

  /** scheduler_rpcapi.retype. */
  record Retype(String volumeId, String newVolumeTypeId) implements SchedulerRpc {}

  /** scheduler_rpcapi.migrate_volume. */
  record MigrateVolume(String volumeId, String destinationHost) implements SchedulerRpc {}

  /** scheduler_rpcapi.create_snapshot. */
  record CreateSnapshot(String snapshotId, String volumeId) implements SchedulerRpc {}

  /** work_cleanup (a call): route cleanup requests for matching services. */
  record WorkCleanup(CleanupRequest request) implements SchedulerRpc {}

  /** A backend's capabilities, stamped by the volume service with its own clock. */
  record CapabilityReport(String backend, String serviceHost, long freeCapacityGb, long stampedAtNanos)
      implements SchedulerRpc {}

  /** A cleanup of scheduler rows, cast to the scheduler topic (any scheduler cleans any). */
  record DoCleanup(CleanupRequest request) implements SchedulerRpc {}
}
