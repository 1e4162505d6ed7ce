package io.cvolsim.model.dlm;

/**
 * What an etcd lock whose release could not reach the server becomes (found by this harness; not
 * in the reference's V1-V21).
 */
public enum ReleaseFailure {
  /**
   * Tooz today: the lock stays in the coordinator's acquired set, so its heart keeps refreshing
   * the lease of a key nobody will delete; the lock is taken until the process dies, and every
   * request queued on it (a delete behind a clone, L4) waits as long.
   */
  KEEP_LEASE("keep-lease"),
  /** The coordinator forgets the lock: its lease is no longer refreshed and frees it one lease later. */
  LET_EXPIRE("let-expire");

  /** The {@code --set} key that selects the behaviour. */
  public static final String OPTION_KEY = "coordination.release_failure";

  private final String optionValue;

  ReleaseFailure(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}
