package io.cvolsim.cli.check;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.HistoryFormatException;
import io.cvolsim.checker.io.HistoryFormat;
import io.cvolsim.checker.io.HistoryReader;
import io.cvolsim.checker.linear.Budget;
import io.cvolsim.checker.linear.CheckResult;
import io.cvolsim.checker.linear.LinearizabilityChecker;
import io.cvolsim.checker.linear.LinearizabilityChecker.Partitioning;
import io.cvolsim.checker.model.Model;
import java.io.IOException;
import java.nio.file.Path;

/** Reads and checks one file with the options of one command invocation. */
public final class FileChecker {
  private final Model model;
  private final HistoryFormat format;
  private final Budget budget;
  private final Partitioning partitioning;
  private final int threads;

  /** @param threads how many partitions to search at once */
  public FileChecker(Model model, HistoryFormat format, Budget budget,
      Partitioning partitioning, int threads) {
    this.model = model;
    this.format = format;
    this.budget = budget;
    this.partitioning = partitioning;
    this.threads = threads;
  }

  /**
   * Reads and checks a file.
   *
   * @throws BadInputException when the file cannot be read or is not a valid history
   */
  public FileOutcome check(Path file) throws BadInputException {
    long startNanos = System.nanoTime();
    try {
      History history = HistoryReader.read(file, format);
      CheckResult result = LinearizabilityChecker.check(history, model, budget, partitioning,
          threads);
      return new FileOutcome(file.toString(), result, (System.nanoTime() - startNanos) / 1_000_000);
    } catch (HistoryFormatException error) {
      throw new BadInputException(error.getMessage());
    } catch (IOException error) {
      throw new BadInputException(file + ":0: cannot read: " + describe(error));
    } catch (RuntimeException modelFailure) {
      // A model that throws on a value its problemWith let through: still one line, exit 2.
      throw new BadInputException(file + ":0: cannot check with model " + model.name() + ": "
          + modelFailure);
    }
  }

  private static String describe(IOException error) {
    String message = error.getMessage();
    String kind = error.getClass().getSimpleName();
    return message == null || message.equals(error.toString()) ? kind : kind + " " + message;
  }
}
