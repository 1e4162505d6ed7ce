package io.cvolsim.cli;

import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.reports.RunReport;
import io.cvolsim.reports.SweepSummary;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.swarm.FaultMenu;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cvolsim sweep}: many seeds, in parallel across cores; each run stays single-threaded,
 * so parallelism changes nothing but wall time.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Runs many seeds in parallel and lists the failing ones with a repro line.",
        "Exit status: 0 all held, 1 some seed violated a property, 2 bad input, 3 some unknown."})
public final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RunOptions runOptions;

  @Option(names = "--seeds", required = true, paramLabel = "N|A..B", description = "seeds 1..N, or A..B")
  String seeds;

  @Option(names = "--jobs", paramLabel = "J", description = "parallel runs; default: the number of cores")
  Integer jobs;

  @Option(names = "--shard", paramLabel = "I/N", description = "run only the I-th of N interleaved shards")
  String shard;

  @Option(names = "--shrink-runs", paramLabel = "N", defaultValue = "200",
      description = "re-runs allowed to shrink the first failing seed of each violated property; 0: none "
          + "(default: ${DEFAULT-VALUE})")
  long shrinkRuns;

  @Option(names = "--counterexamples", paramLabel = "DIR", defaultValue = "counterexamples",
      description = "where shrunk counterexamples are written (default: ${DEFAULT-VALUE})")
  Path counterexampleDirectory;

  @Override
  public Integer call() throws InterruptedException, IOException {
    SeedRange range = SeedRange.parse(seeds);
    List<Long> chosen = Shard.parse(shard).select(range);
    int parallelism = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    RunSpec first = runOptions.spec(range.first()); // validates input first
    PrintWriter out = spec.commandLine().getOut();
    out.println("cvolsim sweep: seeds=" + range + (shard == null ? "" : " shard=" + shard)
        + " jobs=" + parallelism + " scenario=" + runOptions.scenarioName()
        + (runOptions.preset == null ? "" : " preset=" + runOptions.preset)
        + (runOptions.assignments.isEmpty() ? "" : " set " + String.join(" ", runOptions.assignments)));
    out.flush();
    long start = System.nanoTime();
    SweepCounterexamples counterexamples = new SweepCounterexamples();
    SweepSummary tally = runAll(chosen, parallelism, out, counterexamples);
    out.print(tally.render((System.nanoTime() - start) / 1e9));
    out.println(FaultCoverage.line(tally, FaultMenu.of(first.kind(), first.settings())));
    out.flush();
    if (shrinkRuns > 0 && !counterexamples.isEmpty()) {
      counterexamples.shrinkAll(runOptions::spec, shrinkRuns, counterexampleDirectory, out);
    }
    return tally.exitStatus();
  }

  private SweepSummary runAll(List<Long> chosen, int parallelism, PrintWriter out,
      SweepCounterexamples counterexamples) throws InterruptedException {
    SweepSummary tally = new SweepSummary();
    SeedBatch.run(chosen, parallelism, runOptions::spec, report -> {
      tally.add(report);
      counterexamples.add(report);
      if (report.exitStatus() != 0) {
        out.println(failureLine(report));
        out.flush();
      }
    });
    return tally;
  }

  static String failureLine(RunReport report) {
    List<String> failing = new ArrayList<>();
    for (PropertyResult property : report.properties()) {
      if (property.status() == PropertyStatus.VIOLATED || property.status() == PropertyStatus.UNKNOWN) {
        failing.add(property.name() + (property.status() == PropertyStatus.UNKNOWN ? "(unknown)" : ""));
      }
    }
    return String.format(Locale.ROOT, "%s seed=%d %s  fingerprint=%s  repro: %s",
        report.violated() ? "FAIL" : "UNKNOWN", report.seed(), String.join(",", failing),
        report.fingerprint(), report.reproCommand());
  }

}
