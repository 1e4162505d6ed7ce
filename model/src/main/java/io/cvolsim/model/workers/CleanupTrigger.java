package io.cvolsim.model.workers;

/** What starts a cleanup of a dead service's rows (variant V9, reference §5.6). */
public enum CleanupTrigger {
  /** Cinder today: only an admin's {@code POST /workers/cleanup}, or the node's own restart. */
  MANUAL("manual"),
  /**
   * The spec's periodic scheduler task (NOT IMPLEMENTED in Cinder): every scheduler samples the
   * down services each {@code service_down_time} and cleans those down for
   * {@code auto_cleanup_checks} samples, without telling the other schedulers.
   */
  AUTO("auto"),
  /** The same periodic task, run only by the scheduler the DLM elected leader. */
  DLM_LEADER("dlm-leader");

  private final String optionValue;

  CleanupTrigger(String optionValue) {
    this.optionValue = optionValue;
  }

  /** The value as written after {@code --set cleanup.trigger=}. */
  public String optionValue() {
    return optionValue;
  }
}
