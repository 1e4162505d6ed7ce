package io.cvolsim.scenarios.property;

import io.cvolsim.scenarios.run.RunOutcome;
import java.util.Comparator;
import java.util.List;

/**
 * A shrunk counterexample and what shrinking it took.
 *
 * @param original the failing run as given
 * @param shrunk the simplest run found that fails the same way; its spec carries its draws
 * @param runs simulation runs spent on candidates, within the budget (one more confirms the result)
 * @param steps edits kept: setting changes plus draw edits
 * @param settingChanges the settings lowered, one per key, in the order first changed
 * @param budgetSpent true when the budget, not a fixed point, ended the shrink
 * @param target what every kept candidate, and so the shrunk run, still violated
 */
public record ShrunkRun(RunOutcome original, RunOutcome shrunk, long runs, long steps,
    List<SettingChange> settingChanges, boolean budgetSpent, ShrinkTarget target) {
  public ShrunkRun {
    settingChanges = List.copyOf(settingChanges);
  }

  public int drawsBefore() {
    return original.draws().size();
  }

  public int drawsAfter() {
    return shrunk.draws().size();
  }

  public long operationsBefore() {
    return TrialRunner.operations(original);
  }

  public long operationsAfter() {
    return TrialRunner.operations(shrunk);
  }

  /** Smaller counterexamples first: fewer operations, then fewer draws. */
  public static final Comparator<ShrunkRun> SMALLER_FIRST = Comparator.comparingLong(ShrunkRun::operationsAfter)
      .thenComparingInt(ShrunkRun::drawsAfter);
}
