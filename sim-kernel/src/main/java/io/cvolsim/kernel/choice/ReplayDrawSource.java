package io.cvolsim.kernel.choice;

import java.util.List;

/**
 * Answers from a recorded sequence of values. When the sequence runs out, or a recorded value
 * no longer fits the bounds asked (the run took another path after an edit), it answers the
 * simplest value, the lower bound: so any edited sequence still runs, which shrinking needs.
 */
public final class ReplayDrawSource implements DrawSource {
  private final long[] values;
  private int misfits;

  public ReplayDrawSource(List<Long> recorded) {
    this.values = recorded.stream().mapToLong(Long::longValue).toArray();
  }

  @Override
  public long next(int index, String label, long min, long max) {
    if (index >= values.length) {
      return min;
    }
    long value = values[index];
    if (value < min || value > max) {
      misfits++;
      return min;
    }
    return value;
  }

  @Override
  public long nextChance(int index, String label, long numerator, long denominator) {
    return next(index, label, 0, 1);
  }

  /** How many recorded values did not fit where they were asked; zero for a faithful replay. */
  public int misfits() {
    return misfits;
  }
}
