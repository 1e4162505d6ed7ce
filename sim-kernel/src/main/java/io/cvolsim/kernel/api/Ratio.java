package io.cvolsim.kernel.api;

/** A probability as an exact fraction, so that configurations print and compare exactly. */
public record Ratio(long numerator, long denominator) {
  public static final Ratio ZERO = new Ratio(0, 1);
  public static final Ratio ONE = new Ratio(1, 1);

  public Ratio {
    if (denominator <= 0 || numerator < 0 || numerator > denominator) {
      throw new IllegalArgumentException("ratio must be within 0..1: " + numerator + "/" + denominator);
    }
  }

  public static Ratio of(long numerator, long denominator) {
    return new Ratio(numerator, denominator);
  }

  public static Ratio percent(long percent) {
    return new Ratio(percent, 100);
  }

  public boolean isZero() {
    return numerator == 0;
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
