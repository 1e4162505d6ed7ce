package io.cvolsim.model.storage;

/**
 * Whether the array checks the fencing tokens calls carry (reference §6 (d)). With checking on,
 * a call whose token is older than the newest the array has seen for the same resource is
 * refused; calls without a token are never refused for it.
 */
public enum TokenFencing {
  /** Tokens are recorded in the I/O log but never refused. */
  OFF("off"),
  /** A token older than the newest seen for its resource is refused. */
  ON("on");

  private final String optionValue;

  TokenFencing(String optionValue) {
    this.optionValue = optionValue;
  }

  /** The value as written after {@code --set storage.token_fencing=}. */
  public String optionValue() {
    return optionValue;
  }
}
