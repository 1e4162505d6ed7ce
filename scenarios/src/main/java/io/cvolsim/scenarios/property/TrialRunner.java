package io.cvolsim.scenarios.property;

import io.cvolsim.kernel.choice.Draw;
import io.cvolsim.kernel.shrink.ShrinkBudget;
import io.cvolsim.kernel.shrink.Trial;
import io.cvolsim.scenarios.run.RunOutcome;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.run.Runner;
import java.util.List;

/**
 * Runs candidates for a shrink and judges them against the original failure, spending one
 * budget across the settings and the draw phases.
 */
final class TrialRunner {
  private final ShrinkTarget target;
  private final ShrinkBudget budget;
  private final boolean broadLabels;
  private final long startNanos;
  private long runs;

  /** {@code broadLabels}: trials carry their draws' broad labels, so candidates are answered by those. */
  TrialRunner(ShrinkTarget target, ShrinkBudget budget, boolean broadLabels) {
    this.target = target;
    this.broadLabels = broadLabels;
    this.budget = budget;
    this.startNanos = budget.clockNanos().getAsLong();
  }

  /** Runs a spec and says whether it still fails as the target asks. */
  Trial run(RunSpec spec) {
    runs++;
    return trial(Runner.run(spec, false));
  }

  /**
   * Runs a spec unless it makes more than {@code drawsMax} draws: such a run cannot be kept,
   * and replays that outgrow their candidate answer lower bounds (no think time, so clients
   * hammer the API) and can run a thousand times longer than the best run so far.
   */
  Trial run(RunSpec spec, int drawsMax) {
    if (DrawLimit.exceeded(spec, drawsMax)) {
      runs++;
      return new Trial(false, List.of(), 0);
    }
    return run(spec);
  }

  Trial trial(RunOutcome outcome) {
    List<Draw> draws = !broadLabels ? outcome.draws() : outcome.draws().stream()
        .map(draw -> new Draw(Draw.broad(draw.label()), draw.min(), draw.max(), draw.value())).toList();
    return new Trial(target.isMetBy(outcome.report().violatedProperties()), draws, operations(outcome));
  }

  static long operations(RunOutcome outcome) {
    return outcome.report().counts().getOrDefault("operations", 0L);
  }

  boolean spent() {
    return runs >= budget.maxCalls() || elapsedNanos() >= budget.maxNanos();
  }

  /** What is left, for the kernel's shrinker; only asked while not {@link #spent}. */
  ShrinkBudget remaining() {
    return new ShrinkBudget(budget.maxCalls() - runs, budget.clockNanos(), budget.maxNanos() - elapsedNanos());
  }

  long runs() {
    return runs;
  }

  private long elapsedNanos() {
    return budget.clockNanos().getAsLong() - startNanos;
  }
}
