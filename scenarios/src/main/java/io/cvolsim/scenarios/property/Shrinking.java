package io.cvolsim.scenarios.property;

import io.cvolsim.kernel.shrink.ChoiceShrinker;
import io.cvolsim.kernel.shrink.ShrinkBudget;
import io.cvolsim.kernel.shrink.ShrinkPredicate;
import io.cvolsim.kernel.shrink.ShrinkResult;
import io.cvolsim.kernel.shrink.Trial;
import io.cvolsim.scenarios.run.RunOutcome;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.run.Runner;
import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a failing run to a short replayable counterexample: first its workload and faults
 * ({@link SettingsShrinker}), then its draws ({@link ChoiceShrinker}), repeated until a round
 * keeps nothing or the budget is spent. A candidate is kept when it still meets the
 * {@link ShrinkTarget}: by default exactly the properties the original run violated, or one
 * property still violated. Deterministic under a calls-only budget.
 */
public final class Shrinking {
  /** What shrinking may change. */
  public enum Scope {
    /** Only the draws: the counterexample keeps the original settings. */
    DRAWS,
    /** Workload size and faults first (only ever lowered), then the draws. */
    SETTINGS_AND_DRAWS
  }

  private Shrinking() {}

  /** Shrinks settings and draws within the budget (its calls count simulation runs). */
  public static ShrunkRun shrink(RunOutcome failing, ShrinkBudget budget) {
    return shrink(failing, budget, Scope.SETTINGS_AND_DRAWS);
  }

  public static ShrunkRun shrink(RunOutcome failing, ShrinkBudget budget, Scope scope) {
    if (!failing.report().violated()) {
      throw new IllegalArgumentException("nothing to shrink: every property holds in seed "
          + failing.spec().seed());
    }
    return shrink(failing, budget, scope, ShrinkTarget.sameViolations(failing.report().violatedProperties()));
  }

  /**
   * Shrinks while {@code target} is met; the failing run must meet it. Two shrinks from the same
   * run share the budget: one answers candidates by broad draw labels (per link), one by narrow
   * ones (per link and message type); the smaller counterexample wins. Each gets stuck where the
   * other does not (docs/PERFORMANCE.md, "Shrinking").
   */
  public static ShrunkRun shrink(RunOutcome failing, ShrinkBudget budget, Scope scope, ShrinkTarget target) {
    if (!target.isMetBy(failing.report().violatedProperties())) {
      throw new IllegalArgumentException("nothing to shrink for " + target.describe() + ": seed "
          + failing.spec().seed() + " violates " + describeViolated(failing));
    }
    if (budget.maxCalls() < 2) {
      return shrinkOnce(failing, budget, scope, target, true);
    }
    ShrunkRun broad = shrinkOnce(failing, new ShrinkBudget(budget.maxCalls() / 2, budget.clockNanos(),
        budget.maxNanos() / 2), scope, target, true);
    ShrunkRun narrow = shrinkOnce(failing, new ShrinkBudget(budget.maxCalls() - broad.runs(), budget.clockNanos(),
        budget.maxNanos() - budget.maxNanos() / 2), scope, target, false);
    ShrunkRun smaller = ShrunkRun.SMALLER_FIRST.compare(narrow, broad) < 0 ? narrow : broad;
    return new ShrunkRun(failing, smaller.shrunk(), broad.runs() + narrow.runs(), smaller.steps(),
        smaller.settingChanges(), smaller.budgetSpent(), target);
  }

  private static ShrunkRun shrinkOnce(RunOutcome failing, ShrinkBudget budget, Scope scope, ShrinkTarget target,
      boolean broadLabels) {
    TrialRunner runner = new TrialRunner(target, budget, broadLabels);
    Trial best = runner.trial(failing);
    RunSpec spec = failing.spec().withDraws(best.values());
    List<SettingChange> settingChanges = new ArrayList<>();
    long steps = 0;
    // Settings, then draws; again only while the other phase keeps finding something, since a
    // fresh draw shrink from its own fixed point would spend a whole round to find nothing.
    for (int round = 0; !runner.spent(); round++) {
      if (scope == Scope.SETTINGS_AND_DRAWS) {
        SettingsShrinker settings = new SettingsShrinker(runner, spec, best);
        List<SettingChange> kept = settings.shrink();
        if (round > 0 && kept.isEmpty()) {
          break;
        }
        kept.forEach(change -> SettingChange.merge(settingChanges, change));
        steps += settings.steps();
        spec = settings.spec();
        best = settings.best();
      }
      if (runner.spent()) {
        break;
      }
      ShrinkResult draws = shrinkDraws(runner, spec, best);
      steps += draws.stats().steps();
      best = draws.best();
      spec = spec.withDraws(best.values());
      if (draws.stats().steps() == 0 || scope == Scope.DRAWS) {
        break;
      }
    }
    return new ShrunkRun(failing, confirm(spec, runner), runner.runs(), steps, settingChanges,
        runner.spent(), target);
  }

  private static String describeViolated(RunOutcome outcome) {
    List<String> violated = outcome.report().violatedProperties();
    return violated.isEmpty() ? "nothing" : String.join(", ", violated);
  }

  private static ShrinkResult shrinkDraws(TrialRunner runner, RunSpec spec, Trial best) {
    ShrinkPredicate byLabel = new ShrinkPredicate() {
      @Override
      public Trial run(List<Long> candidate, int drawsMax) {
        return runner.run(spec.withDraws(candidate), drawsMax);
      }

      @Override
      public Trial run(List<Long> candidate, List<String> labels, int drawsMax) {
        return runner.run(spec.withLabelledDraws(candidate, labels), drawsMax);
      }

    };
    return new ChoiceShrinker(byLabel, runner.remaining()).shrink(best);
  }

  /** Runs the shrunk spec once more: a counterexample that does not reproduce is a bug here. */
  private static RunOutcome confirm(RunSpec spec, TrialRunner runner) {
    RunOutcome outcome = Runner.run(spec, false);
    if (!runner.trial(outcome).stillFails()) {
      throw new IllegalStateException("the shrunk run no longer fails on replay: the run is not "
          + "deterministic in its draws (" + spec + ")");
    }
    return outcome;
  }
}
