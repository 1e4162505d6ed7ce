package io.cvolsim.kernel.shrink;

import java.util.function.LongSupplier;

/**
 * How much a shrink may spend: predicate calls, and optionally a deadline on a clock the caller
 * hands in (the kernel reads no clock of its own). A calls-only budget keeps shrinking
 * deterministic; a deadline can only stop it earlier, at a point that depends on the machine.
 *
 * @param maxCalls the most predicate calls, at least 1
 * @param clockNanos the caller's clock, in nanoseconds; only differences are used
 * @param maxNanos how long after {@link ChoiceShrinker#shrink} starts it must stop
 */
public record ShrinkBudget(long maxCalls, LongSupplier clockNanos, long maxNanos) {
  private static final LongSupplier NO_CLOCK = () -> 0;

  public ShrinkBudget {
    if (maxCalls < 1) {
      throw new IllegalArgumentException("a shrink budget needs at least one call, not " + maxCalls);
    }
    if (maxNanos < 1) {
      throw new IllegalArgumentException("a shrink budget needs a positive time, not " + maxNanos + " ns");
    }
  }

  /** At most {@code maxCalls} predicate calls, no deadline: fully deterministic. */
  public static ShrinkBudget calls(long maxCalls) {
    return new ShrinkBudget(maxCalls, NO_CLOCK, Long.MAX_VALUE);
  }

  /** The same call limit, and a deadline {@code maxNanos} after the start on {@code clockNanos}. */
  public ShrinkBudget withDeadline(LongSupplier clock, long maxNanos) {
    return new ShrinkBudget(maxCalls, clock, maxNanos);
  }
}
