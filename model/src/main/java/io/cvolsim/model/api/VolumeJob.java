package io.cvolsim.model.api;

import io.cvolsim.kernel.api.Message;

/** Work the API hands on after an accepted transition (a cast to the scheduler or c-vol). */
public sealed interface VolumeJob extends Message {
  String volumeId();

  record CreateVolume(String volumeId) implements VolumeJob {}

  record DeleteVolume(String volumeId) implements VolumeJob {}

  record ExtendVolume(String volumeId) implements VolumeJob {}

  /** Nova's os-attach after a reserve. */
  record AttachVolume(String volumeId) implements VolumeJob {}

  /** Nova's os-detach after begin_detaching. */
  record DetachVolume(String volumeId) implements VolumeJob {}

  record RetypeVolume(String volumeId, String newVolumeTypeId) implements VolumeJob {}

  record MigrateVolume(String volumeId, String destinationHost) implements VolumeJob {}
}
