package io.cvolsim.model.storage;

/** What became of one call on the array. */
public enum IoOutcome {
  /** Accepted and still running (or the run ended first). */
  RUNNING,
  COMPLETED,
  /** Accepted, then failed on the array (missing object, source deleted mid-copy, ...). */
  FAILED,
  /** Never accepted: the caller's access had been revoked (storage fencing). */
  REFUSED_REVOKED,
  /** Never accepted: its fencing token was older than one the array had seen. */
  REFUSED_STALE_TOKEN,
  /** Accepted, then stopped because its caller's access was revoked. */
  ABORTED,
  /** Accepted, then cut off because the array itself crashed. */
  INTERRUPTED;

  /** The array refused the call before doing anything. */
  public boolean isRefused() {
    return this == REFUSED_REVOKED || this == REFUSED_STALE_TOKEN;
  }

  /** The array accepted the call, so it may have changed something. */
  public boolean isAccepted() {
    return !isRefused();
  }
}
