package io.cvolsim.cli;

import io.cvolsim.kernel.shrink.ShrinkBudget;
import io.cvolsim.reports.RunReport;
import io.cvolsim.scenarios.property.ShrinkTarget;
import io.cvolsim.scenarios.property.Shrinking;
import io.cvolsim.scenarios.property.ShrunkRun;
import io.cvolsim.scenarios.run.RunFile;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.run.Runner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * After a sweep: for every violated property, the first seed that violated it, shrunk for that
 * property to a short counterexample file that {@code cvolsim replay} runs, so a review gets one
 * small repro per finding rather than a list of seeds.
 */
final class SweepCounterexamples {
  private final SortedMap<String, Long> firstSeedByProperty = new TreeMap<>();

  void add(RunReport report) {
    report.violatedProperties().forEach(name -> firstSeedByProperty.putIfAbsent(name, report.seed()));
  }

  boolean isEmpty() {
    return firstSeedByProperty.isEmpty();
  }

  /**
   * Shrinks each property's first failing seed within {@code runsPerProperty} re-runs, keeping
   * that property violated (others may come and go), and writes it to {@code directory}. Each
   * property then gets the smallest of all these counterexamples that still violates it: a shrink
   * aimed at another property of the same seed sometimes goes further.
   */
  void shrinkAll(LongFunction<RunSpec> specOfSeed, long runsPerProperty, Path directory, PrintWriter out)
      throws IOException {
    Files.createDirectories(directory);
    List<Saved> saved = new ArrayList<>();
    for (var entry : firstSeedByProperty.entrySet()) {
      String property = entry.getKey();
      long seed = entry.getValue();
      ShrunkRun shrunk = Shrinking.shrink(Runner.run(specOfSeed.apply(seed), false),
          ShrinkBudget.calls(runsPerProperty), Shrinking.Scope.SETTINGS_AND_DRAWS, ShrinkTarget.property(property));
      saved.add(new Saved(seed, shrunk, directory.resolve("seed-" + seed + "-" + slug(property) + ".cvolsim")));
    }
    Set<Path> written = new TreeSet<>();
    for (String property : firstSeedByProperty.keySet()) {
      Saved best = saved.stream().filter(each -> each.violates(property))
          .min(Comparator.comparing(Saved::shrunk, ShrunkRun.SMALLER_FIRST))
          .orElseThrow(() -> new IllegalStateException("no counterexample kept " + property + " violated"));
      if (written.add(best.file())) {
        RunCommand.writeAtomically(best.file(), RunFile.render(best.shrunk().shrunk()));
      }
      out.println(String.format(Locale.ROOT, "counterexample: %s (seed %d, operations %d -> %d): ./cvolsim replay %s",
          property, best.seed(), best.shrunk().operationsBefore(), best.shrunk().operationsAfter(), best.file()));
      out.flush();
    }
  }

  /** A shrunk counterexample of {@code seed}, and where it is written if some property gets it. */
  private record Saved(long seed, ShrunkRun shrunk, Path file) {
    boolean violates(String property) {
      return shrunk.shrunk().report().violatedProperties().contains(property);
    }
  }

  /** "S5 status and storage agree" becomes "s5-status-and-storage-agree". */
  static String slug(String property) {
    return property.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
