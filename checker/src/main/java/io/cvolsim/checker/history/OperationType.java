package io.cvolsim.checker.history;

import java.util.Locale;

/** The four kinds of event in a Jepsen-style history, as seen from the client. */
public enum OperationType {
  /** The client issued a call. */
  INVOKE,
  /** The call completed and took effect. */
  OK,
  /** The call completed and definitely did not take effect. */
  FAIL,
  /** The outcome is unknown (timeout, crash): it may take effect at any later point, or never. */
  INFO;

  /** The lower-case name used by Jepsen (":invoke", ":ok", ...) without the colon. */
  public String jepsenName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a Jepsen type name ("invoke", ":ok", ...); returns null when it is not one. */
  public static OperationType fromJepsenName(String name) {
    String bare = name.startsWith(":") ? name.substring(1) : name;
    for (OperationType type : values()) {
      if (type.jepsenName().equals(bare)) {
        return type;
      }
    }
    return null;
  }
}
