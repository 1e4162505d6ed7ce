package io.cvolsim.kernel.shrink;

import java.util.List;

/**
 * Runs a candidate value sequence (a replay answers from it, with the lower bound wherever it
 * runs out or a value does not fit) and says what happened. Must be deterministic: the same
 * candidate gives the same trial, or shrinking is not reproducible.
 */
@FunctionalInterface
public interface ShrinkPredicate {
  Trial run(List<Long> candidateValues);
}
