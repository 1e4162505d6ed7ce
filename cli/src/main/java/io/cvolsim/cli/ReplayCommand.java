package io.cvolsim.cli;

import io.cvolsim.reports.TextReport;
import io.cvolsim.scenarios.run.RunFile;
import io.cvolsim.scenarios.run.RunOutcome;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.run.Runner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cvolsim replay}: re-runs a saved run or a seed and prints its trace. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Re-runs a saved run file, or a seed, and prints its trace and verdicts.",
        "With a file, also says whether the fingerprint matches the recorded one."})
public final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RunOptions runOptions;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "a run file (run.cvolsim)")
  Path file;

  @Option(names = "--seed", paramLabel = "N", description = "replay this seed instead of a file")
  Long seed;

  @Option(names = "--no-trace", description = "print only the verdicts, not the trace")
  boolean noTrace;

  @Override
  public Integer call() throws IOException {
    if ((file == null) == (seed == null)) {
      throw new IllegalArgumentException("give either a run FILE or --seed N");
    }
    RunSpec runSpec;
    String recordedFingerprint = "";
    if (file != null) {
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException("cannot read run file " + file);
      }
      RunFile.Contents contents = RunFile.read(file);
      runSpec = contents.spec();
      recordedFingerprint = contents.fingerprint();
    } else {
      runSpec = runOptions.spec(seed);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(TextReport.headerLine(runSpec.seed(), runSpec.scenario(), runSpec.settings().asMap()));
    RunOutcome outcome = Runner.run(runSpec, !noTrace);
    outcome.traceLines().forEach(out::println);
    out.print(TextReport.body(outcome.report()));
    if (!recordedFingerprint.isEmpty()) {
      boolean same = recordedFingerprint.equals(outcome.report().fingerprint());
      spec.commandLine().getErr().println(same
          ? "replay: fingerprint matches the recorded " + recordedFingerprint
          : "replay: FINGERPRINT DIFFERS from the recorded " + recordedFingerprint
              + " (different code or a corrupted file)");
    }
    out.flush();
    return outcome.report().exitStatus();
  }
}
