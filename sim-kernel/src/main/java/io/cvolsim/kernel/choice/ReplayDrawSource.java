package io.cvolsim.kernel.choice;

import java.util.ArrayDeque;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Answers from a recorded sequence of values. When the sequence runs out, or a recorded value
 * no longer fits the bounds asked (the run took another path after an edit), it answers the
 * simplest value, the lower bound: so any edited sequence still runs, which shrinking needs.
 *
 * <p>Given each value's label too, it answers each label from that label's own values in order:
 * an unedited recording replays the same, and a shrinker's deletion in one part of the run (a
 * client's request, a fault) no longer shifts the answers every other part gets.
 */
public final class ReplayDrawSource implements DrawSource {
  private final long[] values;
  private final SortedMap<String, ArrayDeque<Long>> valuesByLabel;
  private int misfits;

  public ReplayDrawSource(List<Long> recorded) {
    this.values = recorded.stream().mapToLong(Long::longValue).toArray();
    this.valuesByLabel = null;
  }

  /** Answers by label; {@code labels} names each value of {@code recorded}. */
  public ReplayDrawSource(List<Long> recorded, List<String> labels) {
    if (labels.size() != recorded.size()) {
      throw new IllegalArgumentException(labels.size() + " labels for " + recorded.size() + " values");
    }
    this.values = new long[0];
    this.valuesByLabel = new TreeMap<>();
    for (int i = 0; i < recorded.size(); i++) {
      valuesByLabel.computeIfAbsent(labels.get(i), label -> new ArrayDeque<>()).add(recorded.get(i));
    }
  }

  @Override
  public long next(int index, String label, long min, long max) {
    if (valuesByLabel != null) {
      // Recorded under broad labels (the shrinker asked for them), a narrow label takes its broad part's values.
      String key = valuesByLabel.containsKey(label) ? label : Draw.broad(label);
      return fitting(valuesByLabel.containsKey(key) ? valuesByLabel.get(key).poll() : null, min, max);
    }
    if (index >= values.length) {
      return min;
    }
    return fitting(values[index], min, max);
  }

  private long fitting(Long recorded, long min, long max) {
    if (recorded == null) {
      return min;
    }
    long value = recorded;
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
