package io.cvolsim.checker.linear;

/** The tri-state answer of a check. UNKNOWN (budget spent) is never a pass. */
public enum Verdict {
  LINEARIZABLE("linearizable"),
  NOT_LINEARIZABLE("not-linearizable"),
  UNKNOWN("unknown");

  private final String externalName;

  Verdict(String externalName) {
    this.externalName = externalName;
  }

  /** The name used in JSON output and reports: linearizable, not-linearizable, unknown. */
  public String externalName() {
    return externalName;
  }

  /**
   * The verdict of a whole made of independently checked parts: not linearizable if any part is,
   * else unknown if any part is, else linearizable.
   */
  public Verdict combine(Verdict other) {
    if (this == NOT_LINEARIZABLE || other == NOT_LINEARIZABLE) {
      return NOT_LINEARIZABLE;
    }
    return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : LINEARIZABLE;
  }
}
