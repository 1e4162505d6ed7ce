package io.cvolsim.cli;

import io.cvolsim.reports.JsonReport;
import io.cvolsim.reports.TextReport;
import io.cvolsim.scenarios.run.RunFile;
import io.cvolsim.scenarios.run.RunOutcome;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.run.Runner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cvolsim run}: one simulated run, every property checked. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Simulates one run and checks every property.",
        "Exit status: 0 all hold, 1 a property was violated, 2 bad input, 3 inconclusive."})
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RunOptions runOptions;

  @Option(names = "--seed", paramLabel = "N", description = "the seed; random when absent")
  Long seed;

  @Option(names = "--json", description = "print one JSON object instead of the text summary")
  boolean json;

  @Option(names = "--report", paramLabel = "DIR",
      description = "also write report.txt, report.json and run.cvolsim (replayable) into DIR")
  Path reportDirectory;

  @Override
  public Integer call() throws IOException {
    long runSeed = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
    RunSpec runSpec = runOptions.spec(runSeed);
    PrintWriter out = spec.commandLine().getOut();
    String header = TextReport.headerLine(runSeed, runSpec.scenario(), runSpec.settings().asMap());
    if (!json) {
      out.println(header);
      out.flush();
    }
    RunOutcome outcome = Runner.run(runSpec, false);
    if (reportDirectory != null) {
      writeReport(outcome, header);
    }
    out.print(json ? JsonReport.render(outcome.report()) + "\n" : TextReport.body(outcome.report()));
    out.flush();
    return outcome.report().exitStatus();
  }

  private void writeReport(RunOutcome outcome, String header) throws IOException {
    Files.createDirectories(reportDirectory);
    // Written to temporary names and moved, so a reader never sees half a report.
    writeAtomically(reportDirectory.resolve("report.txt"), header + "\n" + TextReport.body(outcome.report()));
    writeAtomically(reportDirectory.resolve("report.json"), JsonReport.render(outcome.report()) + "\n");
    writeAtomically(reportDirectory.resolve("run.cvolsim"), RunFile.render(outcome));
  }

  static void writeAtomically(Path target, String content) throws IOException {
    Path temporary = target.resolveSibling(target.getFileName() + ".partial");
    Files.writeString(temporary, content);
    Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
