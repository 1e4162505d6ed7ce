package io.cvolsim.model.api;

import io.cvolsim.kernel.api.Message;

/** Work the API hands on after an accepted request (a cast to the scheduler or a volume queue). */
public sealed interface VolumeJob extends Message {
  String volumeId();

  /** Sources are null for an empty volume. */
  record CreateVolume(String volumeId, String sourceVolumeId, String sourceSnapshotId, long sizeGb)
      implements VolumeJob {}

  record DeleteVolume(String volumeId) implements VolumeJob {}

  record ExtendVolume(String volumeId, long newSizeGb) implements VolumeJob {}

  /** Nova's os-attach after a reserve. */
  record AttachVolume(String volumeId) implements VolumeJob {}

  /** Nova's os-detach after begin_detaching. */
  record DetachVolume(String volumeId) implements VolumeJob {}

  record RetypeVolume(String volumeId, String newVolumeTypeId) implements VolumeJob {}

  record MigrateVolume(String volumeId, String destinationHost) implements VolumeJob {}

  record CreateSnapshot(String volumeId, String snapshotId) implements VolumeJob {}

  record DeleteSnapshot(String volumeId, String snapshotId) implements VolumeJob {}
}
