package io.cvolsim.scenarios.properties;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.NodeId;

/**
 * One grant of a lock as the lock log shows it, with two views of how long it lasted (reference
 * §7.4): the holder's belief (until it starts releasing or, lease-aware, gives the lock up, its
 * process dies, or it is fenced) and the server's truth (until the release took effect, the
 * lease expired, cleanup removed it, or the process died). {@link LockGrants} builds them.
 *
 * @param requestedNanos when the acquire was requested (true time)
 * @param grantedNanos when the holder learned it holds the lock
 * @param beliefEndNanos when the holder stopped believing; {@link #OPEN} at the run's end
 * @param beliefEnd why the belief ended
 * @param serverEndNanos when the lock service let go of the grant; {@link #OPEN} if never
 * @param releaseDoneNanos when the holder's release answered; equals the belief end otherwise
 * @param expiredUnderLiveHolder the server let go while the holder, alive and not yet releasing,
 *     still believed (Tooz) or had given the lock up at its own reckoning of the lease's end
 * @param releasedByHolder the holder asked to release it, even after giving it up
 */
record LockGrant(String name, NodeId holder, long token, long operationId, long requestedNanos,
    long grantedNanos, long beliefEndNanos, BeliefEnd beliefEnd, long serverEndNanos, long releaseDoneNanos,
    boolean expiredUnderLiveHolder, boolean releasedByHolder) {
  static final long OPEN = Long.MAX_VALUE;

  /** What ended a holder's belief. */
  enum BeliefEnd {
    /** The holder asked to release it (or its release answered). */
    RELEASE,
    /** The operating system dropped the file lock when the process died. */
    PROCESS_DEATH,
    /** The holder's process crashed (the service log's death), before any power-off. */
    CRASH,
    /** The harness powered the holder off. */
    FENCE,
    /** A lease-aware holder gave the lock up when its clock said the lease could have run out. */
    GAVE_UP,
    /**
     * Never released, but the server expired or cleaned the grant: the holder crashed (the log
     * cannot say when) or stalled past the run's end. Taken to end at the server's end: a caveat.
     */
    PRESUMED_DEAD_AT_SERVER_END,
    /** Still believed at the end of the run. */
    OPEN
  }

  /** The longer of the two views: while it lasts nobody else may be granted the lock. */
  long heldUntilNanos() {
    return Math.max(beliefEndNanos, serverEndNanos);
  }

  boolean overlaps(LockGrant other) {
    return grantedNanos < other.heldUntilNanos() && other.grantedNanos < heldUntilNanos();
  }

  @Override
  public String toString() {
    return name + " holder=" + holder + " token=" + token + " granted " + Durations.formatTimestamp(grantedNanos)
        + ", believed until " + time(beliefEndNanos) + " (" + beliefEnd + "), server until " + time(serverEndNanos);
  }

  private static String time(long nanos) {
    return nanos == OPEN ? "the end" : Durations.formatTimestamp(nanos);
  }
}
