package io.cvolsim.model.config;

/** What a delete of a volume that is the source of a clone in progress does (variant V14, reference §7.6). */
public enum SourceDelete {
  /** Accepted; on c-vol it waits on the source's delete lock until the clone ends: Cinder today. */
  QUEUE("queue"),
  /**
   * Refused by the delete's conditional update while a clone from the volume is being created:
   * needs no lock, but breaks the implicit contract that clone-then-delete scripts rely on.
   */
  REJECT("reject");

  private final String optionValue;

  SourceDelete(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}
