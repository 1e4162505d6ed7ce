package io.cvolsim.model.config;

/** Whose clock orders a backend's capability reports at the schedulers (variant V21, reference §4.3). */
public enum CapabilityStamping {
  /**
   * The volume service stamps each report and a scheduler drops one older than the report it
   * holds: Cinder since A/A, so that several members' reports processed out of order by
   * greenthreads cannot roll a backend's state back.
   */
  VOLUME_SERVICE("volume-service"),
  /** The scheduler stamps a report when it processes it, so the last one processed wins. */
  SCHEDULER("scheduler"),
  /**
   * Proposed here: the volume service stamps each report with the database server's clock, read
   * after composing it, and a scheduler drops one older than the report it holds. One clock for
   * every member, so a skewed member's report held by a partition can neither overwrite newer ones
   * nor shut honest ones out (L6); the stamp-side counterpart of is_up.clock=db-server. A member
   * that cannot read the database's clock sends no report that period.
   */
  DATABASE("database");

  private final String optionValue;

  CapabilityStamping(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}
