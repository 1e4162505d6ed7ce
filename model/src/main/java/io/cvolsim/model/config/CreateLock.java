package io.cvolsim.model.config;

/**
 * Whether c-vol's create_volume locks the volume it creates. Cinder's does not (reference §7.2:
 * "create_volume does not lock its own new volume id"), so a force-delete of a creating volume
 * runs its driver delete while the create is still running on another node (S1). Not one of
 * V1–V21; found by this harness's hardened preset.
 */
public enum CreateLock {
  /** No lock on the new volume: Cinder today. */
  NONE("none"),
  /** Hold {@code <id>-delete_volume} around the create, so a delete of it waits for the create. */
  OWN_DELETE_LOCK("own-delete-lock");

  private final String optionValue;

  CreateLock(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}
