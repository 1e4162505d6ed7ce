package io.cvolsim.cli.check;

/**
 * Input the check command cannot use: a bad file, an unknown model, a bad option value. Its
 * message is the one line printed after "cvolsim check: ", {@code <file>:<line>: <problem>}.
 */
public final class BadInputException extends Exception {
  public BadInputException(String message) {
    super(message);
  }
}
