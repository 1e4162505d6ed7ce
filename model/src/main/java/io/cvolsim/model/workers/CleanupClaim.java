package io.cvolsim.model.workers;

/**
 * How a cleaner claims a {@code workers} row before cleaning it (variants V7 and V8, reference
 * §5.5 and §9).
 */
public enum CleanupClaim {
  /**
   * Cinder today: a CAS on (status, service_id, race_preventer, updated_at &lt;= read value), and
   * only rows with {@code updated_at <= until} are selected.
   */
  RACE_PREVENTER("race-preventer"),
  /**
   * Cinder before commit 24bab6b7f (V8): the same CAS without race_preventer, so the row's
   * version is its {@code updated_at}; with coarse timestamps two claims within one tick of the
   * granularity both match.
   */
  UPDATED_AT("updated-at"),
  /** V7: no {@code until} bound and an unconditional claim by id; every cleaner wins. */
  NONE("none");

  private final String optionValue;

  CleanupClaim(String optionValue) {
    this.optionValue = optionValue;
  }

  /** The value as written after {@code --set cleanup.claim=}. */
  public String optionValue() {
    return optionValue;
  }
}
