package io.cvolsim.model.rpc;

import io.cvolsim.kernel.api.Message;
import io.cvolsim.model.workers.CleanupRequest;

/** What the API and schedulers cast to a volume topic ({@code cinder-volume.<cluster or host>}). */
public sealed interface VolumeRpc extends Message {

  /** {@code retry} is null when the scheduler does not reschedule (scheduler_max_attempts = 1). */
  record CreateVolume(String volumeId, String sourceVolumeId, String sourceSnapshotId, long sizeGb,
      SchedulingRetry retry) implements VolumeRpc {
    public CreateVolume(String volumeId, String sourceVolumeId, String sourceSnapshotId, long sizeGb) {
      this(volumeId, sourceVolumeId, sourceSnapshotId, sizeGb, null);
    }
  }

  record DeleteVolume(String volumeId) implements VolumeRpc {}

  record CreateSnapshot(String snapshotId, String volumeId) implements VolumeRpc {}

  record DeleteSnapshot(String snapshotId, String volumeId) implements VolumeRpc {}

  record ExtendVolume(String volumeId, long newSizeGb) implements VolumeRpc {}

  /** Nova's os-attach after a reserve (legacy attach). */
  record AttachVolume(String volumeId, String instanceHost) implements VolumeRpc {}

  /** Nova's os-detach after begin_detaching. */
  record DetachVolume(String volumeId, String instanceHost) implements VolumeRpc {}

  record Retype(String volumeId, String newVolumeTypeId) implements VolumeRpc {}

  record MigrateVolume(String volumeId, String destinationHost) implements VolumeRpc {}

  /** do_cleanup: clean the rows the request names. */
  record DoCleanup(CleanupRequest request) implements VolumeRpc {}
}
