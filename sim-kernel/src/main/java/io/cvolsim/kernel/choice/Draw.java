package io.cvolsim.kernel.choice;

/** One answered draw: where it was asked, its bounds and the value given. */
public record Draw(String label, long min, long max, long value) {
  public Draw {
    if (value < min || value > max) {
      throw new IllegalArgumentException("draw " + label + " value " + value + " outside " + min + ".." + max);
    }
  }

  /** Labels are written into text files, one draw a line, so they must not break a line. */
  static String cleanLabel(String label) {
    return label.replace('\n', ' ').replace('\t', ' ');
  }
}
