package io.cvolsim.model.config;

/** Where the scheduler sends a placed create (variant V4, reference §4.2). */
public enum SchedulerRouting {
  /** The cluster's shared topic, where any live member takes it: Cinder's A/A design. */
  CLUSTER_QUEUE("cluster-queue"),
  /**
   * The chosen member's own host topic: the rejected alternative (a), where a job routed to a
   * node that is dead but not yet expired, or that dies before consuming, sits or is lost.
   */
  HOST_QUEUE("host-queue");

  private final String optionValue;

  SchedulerRouting(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}
