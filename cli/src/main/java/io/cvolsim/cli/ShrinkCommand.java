package io.cvolsim.cli;

import io.cvolsim.kernel.shrink.ShrinkBudget;
import io.cvolsim.reports.TextReport;
import io.cvolsim.scenarios.property.ShrinkTarget;
import io.cvolsim.scenarios.property.ShrinkText;
import io.cvolsim.scenarios.property.Shrinking;
import io.cvolsim.scenarios.property.ShrunkRun;
import io.cvolsim.scenarios.run.RunFile;
import io.cvolsim.scenarios.run.RunOutcome;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.run.Runner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cvolsim shrink}: minimizes a failing run to a short counterexample that {@code replay}
 * reproduces, saved as a run file with its draws.
 */
@Command(name = "shrink", mixinStandardHelpOptions = true,
    description = {"Shrinks a failing run (a run file or a seed) to a short replayable counterexample:",
        "first its workload and faults (duration, clients, nodes, volumes; only ever lowered),",
        "then its draws, keeping each edit while the same properties stay violated",
        "(or, with --property, while that one does).",
        "Exit status: 1 the violation was reproduced and shrunk, 2 bad input or nothing to shrink."})
public final class ShrinkCommand implements Callable<Integer> {
  static final String DEFAULT_OUT = "counterexample.cvolsim";

  @Spec CommandSpec spec;

  @Mixin RunOptions runOptions;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "a run file (run.cvolsim) of a failing run")
  Path file;

  @Option(names = "--seed", paramLabel = "N", description = "shrink this seed's run instead of a file")
  Long seed;

  @Option(names = "--out", paramLabel = "FILE", description = "where to write the counterexample; default: ${DEFAULT-VALUE}",
      defaultValue = DEFAULT_OUT)
  Path out;

  @Option(names = "--budget-runs", paramLabel = "N", defaultValue = "2000",
      description = "most simulation runs to spend; default: ${DEFAULT-VALUE}")
  long budgetRuns;

  @Option(names = "--budget-seconds", paramLabel = "S", defaultValue = "120",
      description = "most wall-clock seconds to spend; default: ${DEFAULT-VALUE}")
  long budgetSeconds;

  @Option(names = "--keep-settings", description = "shrink only the draws, never the settings")
  boolean keepSettings;

  @Option(names = "--property", paramLabel = "NAME",
      description = "keep only this property violated (others may come and go), which shrinks further;"
          + " default: exactly the properties the run violates")
  String property;

  @Override
  public Integer call() throws IOException {
    ShrinkBudget budget = budget();
    RunSpec runSpec = runSpec();
    PrintWriter printer = spec.commandLine().getOut();
    printer.println(TextReport.headerLine(runSpec.seed(), runSpec.scenario(), runSpec.settings().asMap()));
    printer.flush();
    RunOutcome failing = Runner.run(runSpec, false);
    if (!failing.report().violated()) {
      throw new IllegalArgumentException("nothing to shrink: no property is violated in this run ("
          + (failing.report().exitStatus() == 3 ? "some are unknown" : "all hold") + ")");
    }
    ShrinkTarget target = target(failing.report().violatedProperties());
    printer.printf(Locale.ROOT, "shrinking: %s violated in %d operations, %d draws; keeping %s; budget %d runs, %d s%n",
        String.join(",", failing.report().violatedProperties()), failing.report().counts().get("operations"),
        failing.draws().size(), target.describe(), budgetRuns, budgetSeconds);
    printer.flush();
    long startNanos = System.nanoTime();
    ShrunkRun shrunk = Shrinking.shrink(failing, budget,
        keepSettings ? Shrinking.Scope.DRAWS : Shrinking.Scope.SETTINGS_AND_DRAWS, target);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    RunCommand.writeAtomically(out, RunFile.render(shrunk.shrunk()));
    printer.printf(Locale.ROOT, "time: %.1f s wall%n", (System.nanoTime() - startNanos) / 1e9);
    ShrinkText.lines(shrunk, "./cvolsim replay " + out).forEach(printer::println);
    printer.flush();
    return shrunk.shrunk().report().exitStatus();
  }

  private ShrinkTarget target(List<String> violated) {
    if (property == null) {
      return ShrinkTarget.sameViolations(violated);
    }
    if (!violated.contains(property)) {
      throw new IllegalArgumentException("--property '" + property + "' is not violated in this run; violated: "
          + String.join(", ", violated));
    }
    return ShrinkTarget.property(property);
  }

  private ShrinkBudget budget() {
    if (budgetRuns < 1) {
      throw new IllegalArgumentException("--budget-runs must be at least 1, not " + budgetRuns);
    }
    if (budgetSeconds < 1) {
      throw new IllegalArgumentException("--budget-seconds must be at least 1, not " + budgetSeconds);
    }
    return ShrinkBudget.calls(budgetRuns).withDeadline(System::nanoTime, budgetSeconds * 1_000_000_000L);
  }

  private RunSpec runSpec() throws IOException {
    if ((file == null) == (seed == null)) {
      throw new IllegalArgumentException("give either a run FILE or --seed N");
    }
    if (seed != null) {
      // As run, replay and sweep read them: a preset applies, and without --scenario means the deployment.
      return runOptions.spec(seed);
    }
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("cannot read run file " + file);
    }
    return RunFile.read(file).spec();
  }
}
