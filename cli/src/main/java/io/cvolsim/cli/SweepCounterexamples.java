package io.cvolsim.cli;

import io.cvolsim.kernel.shrink.ShrinkBudget;
import io.cvolsim.reports.RunReport;
import io.cvolsim.scenarios.property.Shrinking;
import io.cvolsim.scenarios.property.ShrunkRun;
import io.cvolsim.scenarios.run.RunFile;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.run.Runner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * After a sweep: for every violated property, the first seed that violated it, shrunk to a short
 * counterexample file that {@code cvolsim replay} runs, so a review gets one small repro per
 * finding rather than a list of seeds.
 */
final class SweepCounterexamples {
  private final SortedMap<String, Long> firstSeedByProperty = new TreeMap<>();

  void add(RunReport report) {
    report.violatedProperties().forEach(name -> firstSeedByProperty.putIfAbsent(name, report.seed()));
  }

  boolean isEmpty() {
    return firstSeedByProperty.isEmpty();
  }

  /** Shrinks each first failing seed within {@code runsPerProperty} re-runs and writes it to {@code directory}. */
  void shrinkAll(LongFunction<RunSpec> specOfSeed, long runsPerProperty, Path directory, PrintWriter out)
      throws IOException {
    Files.createDirectories(directory);
    // One seed often violates several properties; it is shrunk once and its file serves them all.
    SortedMap<Long, String> lineBySeed = new TreeMap<>();
    for (var entry : firstSeedByProperty.entrySet()) {
      long seed = entry.getValue();
      if (!lineBySeed.containsKey(seed)) {
        ShrunkRun shrunk = Shrinking.shrink(Runner.run(specOfSeed.apply(seed), false), ShrinkBudget.calls(runsPerProperty));
        Path file = directory.resolve("seed-" + seed + ".cvolsim");
        RunCommand.writeAtomically(file, RunFile.render(shrunk.shrunk()));
        lineBySeed.put(seed, String.format(Locale.ROOT, "(seed %d, operations %d -> %d): ./cvolsim replay %s",
            seed, shrunk.operationsBefore(), shrunk.operationsAfter(), file));
      }
      out.println("counterexample: " + entry.getKey() + " " + lineBySeed.get(seed));
      out.flush();
    }
  }
}
