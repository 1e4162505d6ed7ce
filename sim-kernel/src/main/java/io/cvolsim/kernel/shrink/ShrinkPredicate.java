package io.cvolsim.kernel.shrink;

import java.util.List;

/**
 * Runs a candidate value sequence (a replay answers from it, with the lower bound wherever it
 * runs out or a value does not fit) and says what happened. Must be deterministic: the same
 * candidate gives the same trial, or shrinking is not reproducible.
 */
@FunctionalInterface
public interface ShrinkPredicate {
  /**
   * Runs the candidate.
   *
   * @param candidateValues the values to replay
   * @param drawsMax a run that makes more draws than this cannot be kept, so the predicate may
   *     abandon it there and answer a trial that does not fail (Hypothesis calls this an
   *     overrun); it saves runs that would grow without end on lower-bound answers
   */
  Trial run(List<Long> candidateValues, int drawsMax);

  /**
   * Runs the candidate knowing each value's label (the label of the draw it was edited from), so
   * that a predicate may answer each label from its own values: a deletion then shifts only its
   * own labels' answers, not every later draw's (docs/PERFORMANCE.md, "Shrinking"). The shrinker
   * calls this one; by default it replays by position.
   */
  default Trial run(List<Long> candidateValues, List<String> labels, int drawsMax) {
    return run(candidateValues, drawsMax);
  }
}
