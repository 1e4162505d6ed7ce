package io.cvolsim.checker.model;

import io.cvolsim.checker.history.PairedOperation;

/**
 * The Cinder volume status machine ("cinder-volume"), partitioned per volume id: every value is
 * a map with a "volume" id; each volume follows {@link VolumeStatusMachine}.
 */
public final class CinderVolumeModel {
  private CinderVolumeModel() {}

  /** The model; volumes start absent. */
  public static Model create() {
    return new PartitionedModel("cinder-volume", CinderVolumeModel::volumeId,
        operation -> null, new VolumeStatusMachine());
  }

  private static Object volumeId(PairedOperation operation) {
    return Values.map(operation.input()).get("volume");
  }
}
