package io.cvolsim.model.config;

/**
 * Which existing attachment a c-vol's attach takes over instead of writing a new row, when
 * attachment rows are kept (reference §8 S14, §4.2 on redelivery; not one of V1-V21).
 */
public enum AttachReuse {
  /**
   * Cinder's manager: only an attachment of the same host that is already attached. A job run
   * again after its first run wrote an attaching row and lost the database writes a second one.
   */
  ATTACHED("attached"),
  /** Any live attachment of the same host: the idempotent handler redelivery needs (V18's safe side). */
  ANY_LIVE("any-live");

  private final String optionValue;

  AttachReuse(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}
