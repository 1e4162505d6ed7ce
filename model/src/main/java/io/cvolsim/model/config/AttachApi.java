package io.cvolsim.model.config;

/**
 * Which attach API Nova's stand-in uses (reference §2.2 and §2.3): the legacy reserve / os-attach /
 * begin_detaching / os-detach calls, or the attachments API of micro-version 3.27
 * (attachment_reserve, attachment_update with the connector, attach_complete, attachment_delete),
 * which always keeps volume_attachments rows.
 */
public enum AttachApi {
  /** Legacy attach and detach; draws and sends what every run did before the new API existed. */
  LEGACY("legacy"),
  /** The attachments API, as Nova drives it since Queens. */
  ATTACHMENTS("attachments");

  private final String optionValue;

  AttachApi(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}
