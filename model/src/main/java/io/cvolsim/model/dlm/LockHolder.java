package io.cvolsim.model.dlm;

/**
 * What a lock holder knows of its lease (reference §7.4: safety needs the holder to stop
 * touching storage before its lease could expire, which Cinder does not enforce).
 */
public enum LockHolder {
  /**
   * Tooz today: the heart ignores what the server answers, so a holder whose lease or session
   * expired goes on believing it holds the lock until it releases it.
   */
  UNAWARE("unaware"),
  /**
   * The holder dates each lease from the send time of the last request the server confirmed it
   * with, and gives the lock up once its own clock says the lease could have run out, allowing
   * for the clock error it assumes; a c-vol sends no storage call while a lock it gave up is not
   * yet released (not in Cinder or V1-V21; this project's proposal).
   */
  LEASE_AWARE("lease-aware");

  /** The {@code --set} key that selects the behaviour. */
  public static final String OPTION_KEY = "coordination.holder";

  private final String optionValue;

  LockHolder(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}
