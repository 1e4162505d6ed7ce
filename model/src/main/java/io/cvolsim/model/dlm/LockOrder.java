package io.cvolsim.model.dlm;

/**
 * How several locks are taken at once (variant V20, reference §7.3, commit 749772a6f).
 */
public enum LockOrder {
  /** Cinder today: names rendered, de-duplicated and sorted, then taken in that order. */
  SORTED("sorted"),
  /**
   * Before commit 749772a6f: each nested decorator took its lock in decorator order, without
   * de-duplication, so two requests naming the same locks in opposite orders can deadlock.
   */
  DECORATOR_ORDER("decorator-order");

  /** The {@code --set} key that selects the order. */
  public static final String OPTION_KEY = "lock.order";

  private final String optionValue;

  LockOrder(String optionValue) {
    this.optionValue = optionValue;
  }

  /** The value as written after {@code --set lock.order=}. */
  public String optionValue() {
    return optionValue;
  }

  /** Parses an option value; the message lists the accepted ones. */
  public static LockOrder fromOptionValue(String value) {
    return OptionValues.parse(OPTION_KEY, value, values(), LockOrder::optionValue);
  }
}
