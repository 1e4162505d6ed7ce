package io.cvolsim.model.config;

/**
 * What a c-vol whose driver never started does with its queues (reference §8 S12, the
 * "black-hole member" [obs]; not one of V1-V21).
 */
public enum UninitializedDriver {
  /**
   * Cinder today: it consumes its host and cluster queues anyway and fails every job with
   * DriverNotInitialized, so a share of the cluster's work goes to error while healthy members
   * are idle.
   */
  CONSUME("consume"),
  /** It stays off its queues and retries starting the driver, consuming only once it runs. */
  STAY_OFF("stay-off");

  private final String optionValue;

  UninitializedDriver(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}
