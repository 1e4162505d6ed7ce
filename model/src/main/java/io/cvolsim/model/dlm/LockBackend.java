package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.SimFuture;
import java.util.List;

/**
 * One backend's primitive steps; {@link LockCoordinator} builds blocking, timed and multi-lock
 * acquisition, logging and election on top of them, the same for every backend.
 */
interface LockBackend {
  /** {@link #leaseConfirmedAtNanos}'s answer for a lock that lives on no lease. */
  long NO_LEASE = Long.MAX_VALUE;

  /**
   * One try at the lock. {@code queued} is what the previous try of the same acquisition left
   * behind (a ZooKeeper lock node waiting in line), or null on the first try. Fails when the
   * server cannot be reached or refuses, which ends the acquisition.
   */
  SimFuture<Attempt> tryAcquire(String name, Queued queued);

  /** The acquisition gave up while queued: withdraw from the line (best effort). */
  void abandon(String name, Queued queued);

  /** Releases a lock this backend granted; never fails, the outcome says what happened. */
  SimFuture<ReleaseOutcome> release(LockGrant grant);

  /** The names of the locks someone holds now that start with {@code prefix}, sorted. */
  SimFuture<List<String>> heldNamesStartingWith(String prefix);

  /**
   * For a lock that lives on a lease or session: when, on this node's monotonic clock, it sent
   * the last request whose answer showed that lease still alive; {@link #NO_LEASE} for file and
   * workers-table locks, which never expire.
   */
  default long leaseConfirmedAtNanos(long token) {
    return NO_LEASE;
  }

  /** A backend's mark of a place in line; only ZooKeeper has one. */
  interface Queued {}

  /** The answer to one try. */
  sealed interface Attempt {}

  /** The lock is ours, with this fencing token. */
  record Granted(long token) implements Attempt {}

  /** Someone else holds it; try again later, carrying {@code queued} (may be null). */
  record Busy(Queued queued) implements Attempt {}

  /** What a release achieved; Cinder only logs a failure and carries on. */
  enum ReleaseOutcome {
    /** The holder's own lock was removed. */
    RELEASED,
    /** Nothing of the holder's was there any more (expired, cleaned, or never reached it). */
    NOT_HELD,
    /** The server or database did not answer; the lock may still be there. */
    UNREACHABLE
  }
}
