package io.cvolsim.reports;

/** What a run says about one property. NOT_EXERCISED and UNKNOWN are never passes. */
public enum PropertyStatus {
  HOLDS("holds"),
  VIOLATED("violated"),
  /** A checker spent its budget before deciding. */
  UNKNOWN("unknown"),
  /** The property's precondition never arose in this run, so it says nothing. */
  NOT_EXERCISED("not exercised");

  private final String text;

  PropertyStatus(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
