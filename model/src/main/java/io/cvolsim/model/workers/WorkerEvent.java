package io.cvolsim.model.workers;

/**
 * One entry of the {@link WorkerLog}, for the checkers of S7, S8 and S9.
 *
 * @param trueTimeNanos the simulator's true time; for judging only, never for decisions
 * @param node the process that acted
 * @param serviceId the acting process's service id, or null for the API
 * @param row the row as the actor read it before acting (for claims and cleanup actions, its
 *     {@code racePreventer} is the version the claim was based on) or, for rows it created or
 *     took over, as it wrote them
 * @param untilNanos the cleanup's {@code until} bound, or null outside a bounded cleanup
 */
public record WorkerEvent(long trueTimeNanos, Kind kind, String node, Long serviceId,
    WorkerEntry row, Long untilNanos, Long sentNanos) {

  /**
   * An event whose write was not timed at sending. {@code sentNanos}, when set, is the true time
   * the statement left its process: it took effect between then and {@code trueTimeNanos}, when
   * the process heard its answer (a process paused meanwhile hears it much later).
   */
  public WorkerEvent(long trueTimeNanos, Kind kind, String node, Long serviceId, WorkerEntry row, Long untilNanos) {
    this(trueTimeNanos, kind, node, serviceId, row, untilNanos, null);
  }

  /** When the write may first have taken effect. */
  public long effectiveFromNanos() {
    return sentNanos == null ? trueTimeNanos : sentNanos;
  }

  /** What happened. */
  public enum Kind {
    /** create_worker or set_worker inserted the row. */
    CREATED,
    /** create_worker's unconditional update handed an existing row to a new operation. */
    TAKEN_OVER,
    /** set_worker's CAS moved the row to its service. */
    SET,
    /** set_worker found another operation holding the row (CleanableInUse). */
    SET_IN_USE,
    /** A cleaner sends its claim. */
    CLAIM_ATTEMPT,
    CLAIM_WON,
    CLAIM_LOST,
    /** A cleaner runs the per-status cleanup action on the resource. */
    ACTION_RUN,
    /**
     * The action failed: the cleaner stops working on the row here, whether or not its give-back
     * then reaches the database.
     */
    ACTION_FAILED,
    /** The action failed and the row was handed back to its previous service. */
    GIVEN_BACK,
    /** The row was deleted (by a cleaner or by unset_worker). */
    DELETED,
    /** The cleaner kept a claimed row: the action asked for it, or O1's leaked keep_entry. */
    KEPT
  }
}
