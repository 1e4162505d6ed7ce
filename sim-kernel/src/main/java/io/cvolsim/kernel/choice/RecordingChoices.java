package io.cvolsim.kernel.choice;

import io.cvolsim.kernel.api.Choices;
import io.cvolsim.kernel.api.Ratio;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@link Choices} every run uses: answers come from a {@link DrawSource} and every draw is
 * recorded, so any run can be saved and replayed from its draws alone, and shrunk by editing
 * them.
 */
public final class RecordingChoices implements Choices {
  private final DrawSource source;
  private final List<Draw> draws = new ArrayList<>();
  private final long drawBudget;

  public RecordingChoices(DrawSource source, long drawBudget) {
    this.source = source;
    this.drawBudget = drawBudget;
  }

  public static RecordingChoices seeded(long seed) {
    return new RecordingChoices(new SeededDrawSource(seed), Long.MAX_VALUE);
  }

  public static RecordingChoices replaying(List<Long> values) {
    return new RecordingChoices(new ReplayDrawSource(values), Long.MAX_VALUE);
  }

  /** Replays each label from its own values (see {@link ReplayDrawSource}). */
  public static RecordingChoices replayingByLabel(List<Long> values, List<String> labels) {
    return new RecordingChoices(new ReplayDrawSource(values, labels), Long.MAX_VALUE);
  }

  @Override
  public long draw(String label, long minInclusive, long maxInclusive) {
    if (maxInclusive < minInclusive) {
      throw new IllegalArgumentException("empty range for " + label + ": " + minInclusive + ".." + maxInclusive);
    }
    checkBudget(label);
    long value = minInclusive == maxInclusive
        ? minInclusive
        : source.next(draws.size(), label, minInclusive, maxInclusive);
    draws.add(new Draw(label, minInclusive, maxInclusive, value));
    return value;
  }

  @Override
  public boolean chance(String label, Ratio probability) {
    checkBudget(label);
    long value;
    if (probability.isZero()) {
      value = 0;
    } else if (probability.numerator() == probability.denominator()) {
      value = 1;
    } else {
      value = source.nextChance(draws.size(), label, probability.numerator(), probability.denominator());
    }
    draws.add(new Draw(label, 0, 1, value));
    return value == 1;
  }

  private void checkBudget(String label) {
    if (draws.size() >= drawBudget) {
      throw new IllegalStateException("draw budget of " + drawBudget + " spent at " + label);
    }
  }

  /** Every draw so far, in order. */
  public List<Draw> draws() {
    return Collections.unmodifiableList(draws);
  }

  public int drawCount() {
    return draws.size();
  }

  /** The values alone: what a replay needs. */
  public List<Long> values() {
    List<Long> values = new ArrayList<>(draws.size());
    for (Draw draw : draws) {
      values.add(draw.value());
    }
    return values;
  }
}
