package io.cvolsim.model.config;

/**
 * Whether c-vol's operations on a volume's storage exclude a delete of that volume. Cinder's do
 * not (reference §7.2: "create_volume does not lock its own new volume id"; attach takes
 * {@code <id>}, detach {@code <id>-detach_volume}, extend nothing), so a force-delete runs its
 * driver delete while a create, attach or extend of the volume runs on another node (S1). Not
 * one of V1–V21; found by this harness's hardened preset.
 */
public enum VolumeLock {
  /** Only Cinder's own locks: Cinder today. */
  NONE("none"),
  /** Create, extend, attach and detach also hold {@code <id>-delete_volume}, so a delete waits for them. */
  DELETE_LOCK("delete-lock");

  private final String optionValue;

  VolumeLock(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}
