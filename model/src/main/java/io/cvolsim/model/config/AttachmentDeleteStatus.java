package io.cvolsim.model.config;

/**
 * Who writes a volume's status at the end of a synchronous attachment_delete (reference §2.3,
 * §10 LP #1937084).
 */
public enum AttachmentDeleteStatus {
  /**
   * Cinder since commit 2ec222284 (2021): c-vol's volume_detached is the only writer once c-vol
   * was called; the API answers as soon as the call returns.
   */
  C_VOL("c-vol"),
  /**
   * Before that fix: c-vol writes the status, and the API writes it again after the call returns.
   * A volume deleted in between makes the API's write fail with VolumeNotFound, and Nova, told
   * 404, keeps the volume attached.
   */
  API_AND_C_VOL("api-and-c-vol");

  private final String optionValue;

  AttachmentDeleteStatus(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}
