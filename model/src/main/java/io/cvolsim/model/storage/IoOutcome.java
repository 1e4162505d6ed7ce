package io.cvolsim.model.storage;

/** What became of one call on the array. */
public enum IoOutcome {
  /** Accepted and still running (or the run ended first). */
  RUNNING,
  COMPLETED,
  /** Accepted, then failed on the array (source deleted mid-copy, target deleted meanwhile, ...). */
  FAILED,
  /** Failed its checks on arrival (missing object, busy, already exists): changed nothing. */
  REJECTED,
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

  /** The array started the work, so it may have changed something. */
  public boolean isAccepted() {
    return !isRefused() && this != REJECTED;
  }
}
