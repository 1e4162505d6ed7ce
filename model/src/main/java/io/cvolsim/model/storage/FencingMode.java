package io.cvolsim.model.storage;

/**
 * How a cluster keeps a node it believes dead away from the shared storage (variant V11,
 * reference §6). Cinder does none of this today; the other values are the options a design
 * review compares. {@code self} and {@code stonith} are carried out by c-vol and the harness (a
 * {@link PowerSwitch}); {@code storage} is carried out by the array ({@link VolumeDriver#revokeAccess}).
 */
public enum FencingMode {
  /** No fencing: what Cinder's code does [code]. A zombie keeps its storage access. */
  NONE("none"),
  /** The node stops consuming and aborts its driver work once its heartbeats fail for long enough. */
  SELF("self"),
  /** A detector powers the node off through a {@link PowerSwitch} before cleanup starts. */
  STONITH("stonith"),
  /** The array revokes the node's access before cleanup starts; later calls from it are refused. */
  STORAGE("storage");

  private final String optionValue;

  FencingMode(String optionValue) {
    this.optionValue = optionValue;
  }

  /** The value as written after {@code --set fencing.mode=}. */
  public String optionValue() {
    return optionValue;
  }
}
