package io.cvolsim.scenarios.property;

import io.cvolsim.kernel.shrink.ShrinkBudget;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.scenarios.run.RunFile;
import io.cvolsim.scenarios.run.RunOutcome;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.run.Runner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Property tests over seeds, for JUnit 5 or any test framework: runs a scenario over a seed
 * budget and fails with an {@link AssertionError} whose message names the seed, the shrunk
 * counterexample and the commands that replay both.
 *
 * <pre>{@code
 * PropertyCheck.forScenario("api-races").with("api.transition=read-check-write")
 *     .seeds(1, 200).expectViolation("linearizability");
 * PropertyCheck.forScenario("api-races").seeds(1, 60).expectAllHold();
 * }</pre>
 *
 * <p>Counterexamples are written under {@code target/cvolsim-counterexamples/} (the system
 * property {@code cvolsim.counterexamples} moves them).
 */
public final class PropertyCheck {
  public static final String DIRECTORY_PROPERTY = "cvolsim.counterexamples";

  private final String scenario;
  private final List<String> assignments = new ArrayList<>();
  private SeedBudget budget = SeedBudget.of(1, 100);

  private PropertyCheck(String scenario) {
    this.scenario = scenario;
  }

  public static PropertyCheck forScenario(String scenario) {
    return new PropertyCheck(scenario);
  }

  /** Adds a {@code KEY=VALUE} setting, applied after the scenario's own. */
  public PropertyCheck with(String assignment) {
    assignments.add(assignment);
    return this;
  }

  /** Seeds {@code first..lastCi} in CI, ten times as many nightly. */
  public PropertyCheck seeds(long first, long lastCi) {
    return budget(SeedBudget.of(first, lastCi));
  }

  public PropertyCheck budget(SeedBudget seedBudget) {
    this.budget = seedBudget;
    return this;
  }

  /**
   * Every property holds (no violation, no unknown) for every seed of the budget.
   *
   * @return the number of seeds run
   * @throws AssertionError naming the first failing seed, with its shrunk counterexample
   */
  public long expectAllHold() {
    expectAllHoldTotallingProbes();
    return budget.lastSeed() - budget.firstSeed() + 1;
  }

  /**
   * As {@link #expectAllHold()}, and how often each coverage probe fired, summed over the seeds:
   * what a design costs (deadlock retries, lock waits) beside whether it is safe.
   *
   * @return every probe that fired in some seed, with its total
   * @throws AssertionError naming the first failing seed, with its shrunk counterexample
   */
  public SortedMap<String, Long> expectAllHoldTotallingProbes() {
    SortedMap<String, Long> totals = new TreeMap<>();
    for (long seed = budget.firstSeed(); seed <= budget.lastSeed(); seed++) {
      RunOutcome outcome = Runner.run(spec(seed), false);
      outcome.report().probes().forEach((probe, count) -> totals.merge(probe, count, Long::sum));
      if (outcome.report().properties().stream().anyMatch(p -> p.status() == PropertyStatus.UNKNOWN)) {
        throw new AssertionError(describe() + ": seed " + seed + " was inconclusive (a checker budget "
            + "was spent), which is not a pass\nrepro: " + outcome.report().reproCommand());
      }
      if (outcome.report().violated()) {
        Found found = shrinkAndSave(outcome, ShrinkTarget.sameViolations(outcome.report().violatedProperties()));
        throw new AssertionError(describe() + ": seed " + seed + " violated "
            + String.join(", ", outcome.report().violatedProperties()) + "\n" + found.text());
      }
    }
    return totals;
  }

  /**
   * Some seed of the budget violates {@code property}, and its shrunk counterexample, saved as
   * a run file and read back, replays the same violation with the same fingerprint.
   *
   * @return the first such seed and its shrunk counterexample
   * @throws AssertionError when no seed violates it, or the counterexample does not replay
   */
  public Found expectViolation(String property) {
    for (long seed = budget.firstSeed(); seed <= budget.lastSeed(); seed++) {
      RunOutcome outcome = Runner.run(spec(seed), false);
      if (outcome.report().violatedProperties().contains(property)) {
        Found found = shrinkAndSave(outcome, ShrinkTarget.property(property));
        assertReplays(found);
        return found;
      }
    }
    throw new AssertionError(describe() + ": expected a violation of " + property + " in seeds "
        + budget.firstSeed() + ".." + budget.lastSeed() + ", found none");
  }

  /** A violation found, shrunk and saved. */
  public record Found(long seed, ShrunkRun shrunk, Path file, String text) {}

  private Found shrinkAndSave(RunOutcome failing, ShrinkTarget target) {
    ShrunkRun shrunk = Shrinking.shrink(failing, ShrinkBudget.calls(budget.shrinkRuns()),
        Shrinking.Scope.SETTINGS_AND_DRAWS, target);
    Path file = directory().resolve(scenario + "-seed-" + failing.spec().seed() + ".cvolsim").toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
      RunFile.write(shrunk.shrunk(), file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the counterexample to " + file, e);
    }
    String text = "seed repro: " + failing.report().reproCommand() + "\n"
        + String.join("\n", ShrinkText.lines(shrunk, "./cvolsim replay " + file));
    return new Found(failing.spec().seed(), shrunk, file, text);
  }

  private void assertReplays(Found found) {
    RunFile.Contents contents;
    try {
      contents = RunFile.read(found.file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RunOutcome replayed = Runner.run(contents.spec(), false);
    String expected = found.shrunk().shrunk().report().fingerprint();
    if (!replayed.report().fingerprint().equals(expected) || !contents.fingerprint().equals(expected)
        || !found.shrunk().target().isMetBy(replayed.report().violatedProperties())) {
      throw new AssertionError(describe() + ": the saved counterexample does not replay: fingerprint "
          + replayed.report().fingerprint() + " violating " + replayed.report().violatedProperties()
          + ", expected " + expected + "\n" + found.text());
    }
  }

  private RunSpec spec(long seed) {
    return RunSpec.seeded(scenario, seed, assignments);
  }

  private static Path directory() {
    return Path.of(System.getProperty(DIRECTORY_PROPERTY, "target/cvolsim-counterexamples"));
  }

  private String describe() {
    return scenario + (assignments.isEmpty() ? "" : " with " + String.join(" ", assignments));
  }
}
