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

  /**
   * The attachments API's attachment_update, an RPC call from the API: export the volume to the
   * connector's host and mark the volume and the attachment attaching.
   */
  record AttachmentUpdate(String volumeId, String attachmentId, String connectorHost) implements VolumeRpc {}

  /**
   * The attachments API's attachment_delete, an RPC call from the API: end the connection, then
   * volume_detached removes the attachment and recomputes the volume's status.
   */
  record AttachmentDelete(String volumeId, String attachmentId, String connectorHost) implements VolumeRpc {}

  record Retype(String volumeId, String newVolumeTypeId) implements VolumeRpc {}

  record MigrateVolume(String volumeId, String destinationHost) implements VolumeRpc {}

  /** do_cleanup: clean the rows the request names. */
  record DoCleanup(CleanupRequest request) implements VolumeRpc {}
}
