package io.cvolsim.kernel.choice;

/** One answered draw: where it was asked, its bounds and the value given. */
public record Draw(String label, long min, long max, long value) {
  public Draw {
    if (value < min || value > max) {
      throw new IllegalArgumentException("draw " + label + " value " + value + " outside " + min + ".." + max);
    }
  }

  /**
   * Separates a label's broad part from a narrowing suffix ("net.latency a->b | REQUEST Select"):
   * a shrink candidate's draw is answered by the narrow label's recorded values or, when the
   * candidate names only broad labels, by the broad part's ({@link ReplayDrawSource}).
   */
  public static final String NARROWING = " | ";

  /** The label without its narrowing suffix; a label without one is its own broad part. */
  public static String broad(String label) {
    int at = label.indexOf(NARROWING);
    return at < 0 ? label : label.substring(0, at);
  }

  /** Labels are written into text files, one draw a line, so they must not break a line. */
  static String cleanLabel(String label) {
    return label.replace('\n', ' ').replace('\t', ' ');
  }
}
