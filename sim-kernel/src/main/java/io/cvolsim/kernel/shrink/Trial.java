package io.cvolsim.kernel.shrink;

import io.cvolsim.kernel.choice.Draw;
import java.util.List;

/**
 * What one run of a candidate sequence showed: whether it still fails the same way, the draws
 * the run actually made (which a replay reproduces exactly, so the shrinker keeps these rather
 * than the candidate it handed in) and a size the caller cares about, such as operations.
 *
 * @param stillFails the caller's verdict: the same failure as the original run
 * @param draws every draw the run made, in order
 * @param size the caller's measure of the run (operations), only reported, never compared
 */
public record Trial(boolean stillFails, List<Draw> draws, long size) {
  public Trial {
    draws = List.copyOf(draws);
  }

  /** The values alone: what a replay needs. */
  public List<Long> values() {
    return draws.stream().map(Draw::value).toList();
  }
}
