package io.cvolsim.cli;

import io.cvolsim.checker.io.HistoryFormat;
import io.cvolsim.checker.linear.Budget;
import io.cvolsim.checker.linear.LinearizabilityChecker.Partitioning;
import io.cvolsim.checker.linear.Verdict;
import io.cvolsim.checker.model.Model;
import io.cvolsim.checker.model.ModelRegistry;
import io.cvolsim.cli.check.BadInputException;
import io.cvolsim.cli.check.FileChecker;
import io.cvolsim.cli.check.FileOutcome;
import io.cvolsim.cli.check.OptionValues;
import io.cvolsim.cli.check.OutcomeFormatter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cvolsim check}: checks recorded histories for linearizability against a named model.
 * Exit status: 0 all linearizable, 1 some not, 3 some unknown (a budget was spent), 2 bad input
 * (one line on standard error, never a stack trace).
 */
@Command(
    name = "check",
    description = {
      "Checks histories for linearizability against a sequential model.",
      "Formats: Jepsen EDN, Jepsen text logs, Porcupine kv logs, JSON lines (auto-detected).",
      "Checking many files in one call is the fast path: the JVM starts once.",
      "Prints one line per file: verdict, operation count and time.",
      "Exit: 0 all linearizable, 1 some not, 3 some unknown (budget spent), 2 bad input."
    })
public final class CheckCommand implements Callable<Integer> {
  static final int EXIT_LINEARIZABLE = 0;
  static final int EXIT_NOT_LINEARIZABLE = 1;
  static final int EXIT_BAD_INPUT = 2;
  static final int EXIT_UNKNOWN = 3;

  @Spec private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  private boolean helpRequested;

  // --model and FILE are checked in call(), not by picocli, so that their absence is a one-line
  // error with exit 2 like every other bad input, whatever handler the parent command installs.
  @Option(names = "--model", paramLabel = "NAME",
      description = "register, cas-register, mutex, set, multi-register, key-value, cinder-volume")
  private String modelName;

  @Option(names = "--initial", paramLabel = "VALUE",
      description = "Initial value as EDN (nil, 0, {:x 0 :y 0}); default per model.")
  private String initialText;

  @Option(names = "--budget", paramLabel = "DURATION", defaultValue = "60s",
      description = "Time budget per file (60s, 500ms, 2m); default ${DEFAULT-VALUE}.")
  private String timeBudgetText;

  @Option(names = "--cache-mb", paramLabel = "MB",
      description = "Cache budget per partition in MiB; default a quarter of the heap.")
  private String cacheMegabytesText;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "auto, edn, jepsen-log, porcupine-kv or jsonl; default ${DEFAULT-VALUE}.")
  private String formatName;

  @Option(names = "--no-partition",
      description = "Check each history whole instead of per key (slower; for comparisons).")
  private boolean noPartition;

  @Option(names = "--threads", paramLabel = "N",
      description = "Partitions searched at once; default the number of processors.")
  private String threadsText;

  @Option(names = "--json", description = "One JSON object per file per line.")
  private boolean json;

  @Option(names = "--explain", description = "After a violation, print the witness.")
  private boolean explain;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "History files.")
  private List<Path> files = List.of();

  /** Runs the command alone, before it is wired under the top-level cvolsim command. */
  public static void main(String[] arguments) {
    System.exit(new CommandLine(new CheckCommand()).execute(arguments));
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      FileChecker checker = fileChecker();
      Verdict overall = Verdict.LINEARIZABLE;
      for (Path file : files) {
        FileOutcome outcome = checker.check(file);
        overall = overall.combine(outcome.result().verdict());
        out.println(json ? OutcomeFormatter.json(outcome) : OutcomeFormatter.text(outcome));
        if (explain && !json) {
          outcome.result().witness().ifPresent(witness -> out.print(witness.describe()));
        }
        out.flush();
      }
      return exitCode(overall);
    } catch (BadInputException error) {
      out.flush();
      PrintWriter err = spec.commandLine().getErr();
      err.println("cvolsim check: " + error.getMessage());
      err.flush();
      return EXIT_BAD_INPUT;
    }
  }

  private FileChecker fileChecker() throws BadInputException {
    if (modelName == null) {
      throw new BadInputException("--model: missing; one of "
          + String.join(", ", ModelRegistry.standard().descriptions().keySet()));
    }
    if (files.isEmpty()) {
      throw new BadInputException("no FILE given");
    }
    HistoryFormat format = OptionValues.format(formatName);
    Budget budget = Budget.defaults()
        .withTimeBudgetMillis(OptionValues.durationMillis("--budget", timeBudgetText));
    if (cacheMegabytesText != null) {
      long megabytes = OptionValues.positive("--cache-mb", cacheMegabytesText, cacheMegabytesText);
      budget = budget.withCacheBytesMax(megabytes * 1024 * 1024);
    }
    Model model;
    try {
      model = ModelRegistry.standard().create(modelName, OptionValues.initialValue(initialText));
    } catch (IllegalArgumentException unknown) {
      throw new BadInputException(files.get(0) + ":0: " + unknown.getMessage());
    }
    int threads = threadsText == null ? Runtime.getRuntime().availableProcessors()
        : (int) Math.min(256, OptionValues.positive("--threads", threadsText, threadsText));
    return new FileChecker(model, format, budget,
        noPartition ? Partitioning.NONE : Partitioning.PER_KEY, threads);
  }

  private static int exitCode(Verdict overall) {
    return switch (overall) {
      case LINEARIZABLE -> EXIT_LINEARIZABLE;
      case NOT_LINEARIZABLE -> EXIT_NOT_LINEARIZABLE;
      case UNKNOWN -> EXIT_UNKNOWN;
    };
  }
}
