package io.cvolsim.model.config;

/**
 * How the API deletes a volume that never got a host (cinder/volume/api.py {@code delete}: "scheduling
 * failed, so delete it"). Not one of the reference's V1–V21: found by this harness, because the
 * check reads the object loaded at the start of the request, so two deletes both succeed (and
 * both release quota), or a delete destroys a row the scheduler has just placed.
 */
public enum UnscheduledDelete {
  /** {@code if not volume.host: volume.destroy()}, unconditionally: Cinder today. */
  DESTROY("destroy"),
  /** Destroy only {@code WHERE host IS NULL AND deleted = false}; otherwise the request is refused. */
  CAS("cas");

  private final String optionValue;

  UnscheduledDelete(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}
