package io.cvolsim.model.config;

/** What the API does after a conditional update fails (variant V2, reference §3 "Error-reporting trade-off"). */
public enum ErrorReporting {
  /** One generic error naming every requirement: Cinder's choice. */
  GENERIC("generic"),
  /**
   * The rejected alternative: re-read the row, check each expected value in the API to name the
   * one that failed, and try the update again when they all look fine; with no cap, a filter
   * the per-condition checks cannot see (has-snapshots) makes it loop for ever.
   */
  PRECISE_UNBOUNDED("precise-unbounded"),
  /** The same loop with the retry cap the spec asked for. */
  PRECISE_BOUNDED("precise-bounded");

  private final String optionValue;

  ErrorReporting(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}
