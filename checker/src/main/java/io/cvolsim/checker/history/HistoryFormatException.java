package io.cvolsim.checker.history;

/**
 * A history that cannot be read or checked as given: bad syntax, a truncated file, a completion
 * without an invocation, two open invocations on one process, an unknown model or a value of the
 * wrong shape. The message is one line, {@code <source>:<line>: <problem>}, fit for a user.
 */
public final class HistoryFormatException extends Exception {
  private final String sourceName;
  private final int line;
  private final String problem;

  /**
   * @param sourceName the file (or other source) the history came from
   * @param line the 1-based line of the offending event; 0 when the problem is not on a line
   * @param problem what is wrong, in a few words
   */
  public HistoryFormatException(String sourceName, int line, String problem) {
    super(sourceName + ":" + line + ": " + problem);
    this.sourceName = sourceName;
    this.line = line;
    this.problem = problem;
  }

  public String sourceName() {
    return sourceName;
  }

  public int line() {
    return line;
  }

  public String problem() {
    return problem;
  }
}
