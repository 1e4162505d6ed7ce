package io.cvolsim.model.storage;

/**
 * How the array clones a volume. Drivers differ: a generic copy reads the live source block by
 * block, so writes during the copy tear it; LVM first takes a temporary snapshot of the source
 * and copies from that, so the clone is a point-in-time image and, while the snapshot exists, a
 * delete of the source fails as busy ({@code VolumeIsBusy}) [code cinder/volume/drivers/lvm.py].
 */
public enum CloneMethod {
  /** Copy from the live source: a write or delete during the copy tears or breaks it. */
  BLOCK_COPY("block-copy"),
  /** Copy from a temporary snapshot {@code clone-snap-<target>} taken at the start. */
  TEMPORARY_SNAPSHOT("temporary-snapshot");

  private final String optionValue;

  CloneMethod(String optionValue) {
    this.optionValue = optionValue;
  }

  /** The value as written after {@code --set storage.clone_method=}. */
  public String optionValue() {
    return optionValue;
  }
}
