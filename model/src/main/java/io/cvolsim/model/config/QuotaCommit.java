package io.cvolsim.model.config;

/** When a create's or destroy's quota change commits, as a {@code --set} value (see {@link QuotaKeeping}). */
public enum QuotaCommit {
  SEPARATE("separate"),
  ATOMIC("atomic");

  private final String optionValue;

  QuotaCommit(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }

  /** How quota is kept when tracking is {@code tracking}. */
  public QuotaKeeping keeping(boolean tracking) {
    if (!tracking) {
      return QuotaKeeping.OFF;
    }
    return this == ATOMIC ? QuotaKeeping.ATOMIC : QuotaKeeping.SEPARATE;
  }
}
