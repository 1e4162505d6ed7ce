package io.cvolsim.model.config;

/**
 * Which attachment rows make an unreserve leave the volume {@code in-use} (reference §2.2,
 * unreserve_volume). Cinder's {@code has_attachments} counts any live row that is not detached,
 * including the {@code attaching} row of the very attach being rolled back, or one its failure left
 * {@code error_attaching}; the volume then stays in-use with nothing attached, for good once
 * completions are CAS (S14). Not one of the reference's V1–V21: found by this harness. Only
 * meaningful with attachment rows kept; without them the volume's own attach_status decides.
 */
public enum UnreserveAttachments {
  /** Cinder: {@code CASE WHEN has_attachments}, any live row not detached. */
  NOT_DETACHED("not-detached"),
  /** Only an attached attachment (with rows kept, exactly when attach_status is attached). */
  ATTACHED("attached");

  private final String optionValue;

  UnreserveAttachments(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }

  /** What the API applies: with no attachment rows there is nothing but attach_status to count. */
  public UnreserveAttachments withRows(boolean attachmentRows) {
    return attachmentRows ? this : ATTACHED;
  }
}
