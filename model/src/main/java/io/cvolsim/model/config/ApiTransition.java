package io.cvolsim.model.config;

/** How the API moves a volume into a transitional status (variants V1 and V3, reference §3). */
public enum ApiTransition {
  /** One atomic {@code UPDATE ... WHERE id=? AND <expected>}: Cinder since Mitaka. */
  CAS("cas"),
  /** Read the row, check it in the API node, then write: the code before Mitaka. */
  READ_CHECK_WRITE("read-check-write"),
  /**
   * V3, the alternative the Mitaka spec rejected: {@code SELECT ... FOR UPDATE} the row, check it
   * in the API, write and commit, the whole transaction retried on deadlocks.
   */
  SELECT_FOR_UPDATE("select-for-update");

  private final String optionValue;

  ApiTransition(String optionValue) {
    this.optionValue = optionValue;
  }

  /** The value as written after {@code --set api.transition=}. */
  public String optionValue() {
    return optionValue;
  }
}
