package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.NodeId;

/**
 * One entry of the {@link LockLog}.
 *
 * @param trueTimeNanos simulator (true) time of the event, never a node's clock
 * @param kind what happened
 * @param lockName the rendered lock name
 * @param holder the node that asked for, held or lost the lock
 * @param token the fencing token, or {@link #NO_TOKEN} before a grant
 * @param operationId the acquisition this belongs to, or {@link #NO_OPERATION} when the writer
 *     (a server expiring a lease, a cleanup) cannot know it; match such entries by token
 * @param detail a short reason (why an acquire or release failed)
 */
public record LockEvent(long trueTimeNanos, Kind kind, String lockName, NodeId holder, long token,
    long operationId, String detail) {

  public static final long NO_TOKEN = 0;
  public static final long NO_OPERATION = 0;

  /** What a lock log entry records. */
  public enum Kind {
    /** A client started acquiring (the invoke of the acquire operation). */
    ACQUIRE_REQUESTED,
    /** The client learned it holds the lock (the acquire's ok). */
    GRANTED,
    /** The acquire gave up: timeout, no-wait refusal, or an error talking to the server. */
    ACQUIRE_FAILED,
    /** The holder started releasing (the invoke of the release operation). */
    RELEASE_REQUESTED,
    /** The release removed the holder's own lock. */
    RELEASED,
    /** The release found nothing of the holder's to remove, or could not reach the server. */
    RELEASE_FAILED,
    /**
     * A server dropped the lock because the holder's lease or session expired. It may name a
     * grant whose answer never reached the holder (lost on the way), so there is no matching
     * {@link #GRANTED}; match expiries to grants by lock name and token.
     */
    EXPIRED,
    /** Cleanup deleted a workers-table lock row left behind by the holder. */
    CLEANED,
    /** The holder's process died and the operating system dropped its file lock. */
    FREED_AT_PROCESS_DEATH,
    /**
     * A lease-aware holder ({@link LockHolder#LEASE_AWARE}) stopped counting on the lock: its own
     * clock passed the end of the lease it could be sure of. Stamped with that instant, even when
     * the holder was stalled then and only noticed on waking, since it does nothing under the
     * lock before it looks.
     */
    GAVE_UP
  }

  @Override
  public String toString() {
    return Durations.formatTimestamp(trueTimeNanos) + " " + kind + " " + lockName + " holder="
        + holder + " token=" + token + " op=" + operationId + (detail.isEmpty() ? "" : " " + detail);
  }
}
