package io.cvolsim.kernel.choice;

/** Where the values of draws come from: a PRNG, a recorded sequence, an explorer. */
public interface DrawSource {
  /** A value in {@code [min, max]} for the {@code index}-th draw of the run. */
  long next(int index, String label, long min, long max);

  /** A value for a probability draw: 1 means true. */
  long nextChance(int index, String label, long numerator, long denominator);
}
