package io.cvolsim.kernel.api;

import java.util.List;

/**
 * The only source of nondeterminism. Every draw carries a label for traces and a bound; the
 * seeded, replaying and exploring implementations answer the same calls, so one protocol
 * implementation serves random simulation, replay, shrinking and exhaustive search.
 *
 * <p>Every draw is an integer within bounds whose simplest value is the lower bound: shrinking
 * lowers values toward it, and a replay that runs out of recorded draws answers it.
 */
public interface Choices {

  /** A whole number in {@code [minInclusive, maxInclusive]}. */
  long draw(String label, long minInclusive, long maxInclusive);

  /** True with the given probability; the simplest answer is {@code false}. */
  boolean chance(String label, Ratio probability);

  default int integer(String label, int minInclusive, int maxInclusive) {
    return Math.toIntExact(draw(label, minInclusive, maxInclusive));
  }

  /** One of the options; the simplest answer is the first. */
  default <T> T oneOf(String label, List<T> options) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException("no options to choose from for " + label);
    }
    return options.get(integer(label, 0, options.size() - 1));
  }

  /** A duration in nanoseconds; the simplest answer is the shortest. */
  default long durationNanos(String label, long minNanos, long maxNanos) {
    return draw(label, minNanos, maxNanos);
  }

  /**
   * The same draws, each label prefixed with {@code owner}: answers do not change, but a shrink
   * that replays by label then keeps one client's draws apart from another's.
   */
  default Choices labelledBy(String owner) {
    Choices all = this;
    return new Choices() {
      @Override
      public long draw(String label, long minInclusive, long maxInclusive) {
        return all.draw(owner + " " + label, minInclusive, maxInclusive);
      }

      @Override
      public boolean chance(String label, Ratio probability) {
        return all.chance(owner + " " + label, probability);
      }
    };
  }
}
