package io.cvolsim.model.config;

/**
 * Whether the API's attachment_update excludes a second update of the same volume from the same
 * compute host (reference §7 lock table, §10 LP #1833736).
 */
public enum AttachmentLock {
  /**
   * Cinder since commit 7f3a77b66 (2019): the DLM lock {@code attachment_update-<volume>-<host>}
   * around a duplicate check and the call to c-vol; the later of two attachments of one instance
   * is backed out.
   */
  DLM("dlm"),
  /** Before that fix: no lock and no duplicate check, so two racing attaches both complete. */
  NONE("none");

  private final String optionValue;

  AttachmentLock(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}
