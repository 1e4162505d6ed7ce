package io.cvolsim.model.config;

/** How the volume manager writes the status that ends an operation (variant V19, reference §2.3). */
public enum ManagerCompletion {
  /** A plain save of the loaded object, whatever the row says now: Cinder today. */
  BLIND("blind"),
  /** A conditional update expecting the transitional status the operation started from. */
  CAS("cas");

  private final String optionValue;

  ManagerCompletion(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}
