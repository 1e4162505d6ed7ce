package io.cvolsim.model.storage;

/**
 * What revoking a node's access does to the operations it already started on the array.
 * Reference §6 (b) warns that an in-flight call may not be abortable ({@code T_abort_max = ∞});
 * {@code continue} models such an array, {@code abort} an array that cancels them.
 */
public enum RevokedInFlight {
  /** Operations already accepted run to their end; only later calls are refused. */
  CONTINUE("continue"),
  /** Operations already accepted stop at once and are logged as aborted. */
  ABORT("abort");

  private final String optionValue;

  RevokedInFlight(String optionValue) {
    this.optionValue = optionValue;
  }

  /** The value as written after {@code --set storage.revoked_in_flight=}. */
  public String optionValue() {
    return optionValue;
  }
}
