package io.cvolsim.model.storage;

/**
 * The driver's {@code SUPPORTS_ACTIVE_ACTIVE} attribute. c-vol refuses to start a clustered
 * service on a driver without it (reference §1, [code cinder/volume/manager.py]).
 */
public enum ActiveActiveSupport {
  SUPPORTED("true"),
  UNSUPPORTED("false");

  private final String optionValue;

  ActiveActiveSupport(String optionValue) {
    this.optionValue = optionValue;
  }

  /** The value as written after {@code --set driver.supports_active_active=}. */
  public String optionValue() {
    return optionValue;
  }
}
