package io.cvolsim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cvolsim} command: subcommands per DESIGN.md's command-line contract. */
@Command(name = "cvolsim", mixinStandardHelpOptions = true, version = "cvolsim 0.1.0",
    description = "Deterministic simulation and model checking of Cinder's Active/Active volume service.",
    subcommands = {RunCommand.class, ReplayCommand.class, SweepCommand.class, CompareCommand.class, CheckCommand.class,
        ShrinkCommand.class,
        ScenariosCommand.class, VariantsCommand.class})
public final class Cvolsim {
  /** Exit status for bad usage or bad input (DESIGN.md). */
  public static final int EXIT_BAD_INPUT = 2;

  /** Exit status when nothing could be decided (DESIGN.md). */
  public static final int EXIT_INCONCLUSIVE = 3;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests execute it in-process. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Cvolsim());
    commandLine.setParameterExceptionHandler((exception, args) -> {
      PrintWriter err = exception.getCommandLine().getErr();
      err.println("cvolsim: " + oneLine(exception.getMessage()));
      return EXIT_BAD_INPUT;
    });
    commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
      if (exception instanceof IllegalArgumentException || exception instanceof java.io.IOException) {
        cmd.getErr().println("cvolsim " + cmd.getCommandName() + ": " + oneLine(exception.getMessage()));
        return EXIT_BAD_INPUT;
      }
      // A run that broke (node code threw, a budget was spent) decides nothing: inconclusive.
      cmd.getErr().println("cvolsim " + cmd.getCommandName() + ": the run failed: " + rootMessage(exception)
          + (System.getenv("CVOLSIM_DEBUG") == null ? " (set CVOLSIM_DEBUG=1 for the stack trace)" : ""));
      if (System.getenv("CVOLSIM_DEBUG") != null) {
        exception.printStackTrace(cmd.getErr());
      }
      return EXIT_INCONCLUSIVE;
    });
    return commandLine;
  }

  private static String rootMessage(Throwable exception) {
    Throwable cause = exception;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return oneLine(cause.getClass().getSimpleName() + ": " + cause.getMessage());
  }

  static String oneLine(String message) {
    return message == null ? "(no detail)" : message.lines().findFirst().orElse("").strip();
  }
}
