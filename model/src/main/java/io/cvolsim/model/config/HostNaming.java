package io.cvolsim.model.config;

/** How the c-vol processes of one backend name themselves (variant V5, reference §1 "Naming", §4.1). */
public enum HostNaming {
  /** A distinct {@code host} per node plus a shared {@code cluster}: Cinder's A/A configuration. */
  DISTINCT("distinct"),
  /**
   * The same {@code host} (backend_host) on every node, the old Active/Passive trick: one services
   * row for all, so one live member hides the others' death, and any member's start-up cleanup
   * takes the rows of work the others are running.
   */
  SHARED("shared");

  private final String optionValue;

  HostNaming(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}
