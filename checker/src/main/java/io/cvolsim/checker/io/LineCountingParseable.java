package io.cvolsim.checker.io;

import us.bpsm.edn.parser.Parseable;

/**
 * An edn-java input over a string that knows the line it is on, so that every op of a history
 * (and every syntax error) can be reported with its line. It also lets the reader look at the
 * characters between top-level values (whitespace, commas, comments, brackets).
 */
final class LineCountingParseable implements Parseable {
  private final CharSequence text;
  private int position;
  private int line = 1;

  LineCountingParseable(CharSequence text) {
    this.text = text;
  }

  @Override
  public int read() {
    if (position >= text.length()) {
      position++;
      return END_OF_INPUT;
    }
    char next = text.charAt(position++);
    if (next == '\n') {
      line++;
    }
    return next;
  }

  @Override
  public void unread(int character) {
    position--;
    if (character == '\n') {
      line--;
    }
  }

  @Override
  public void close() {}

  /** The 1-based line of the next character. */
  int line() {
    return line;
  }

  /**
   * Skips whitespace, commas and comments and returns the next character without consuming it;
   * END_OF_INPUT at the end.
   */
  int peekMeaningful() {
    while (true) {
      int next = read();
      if (next == ';') {
        while (next != '\n' && next != END_OF_INPUT) {
          next = read();
        }
      }
      if (next == END_OF_INPUT) {
        return END_OF_INPUT;
      }
      if (!Character.isWhitespace(next) && next != ',') {
        unread(next);
        return next;
      }
    }
  }
}
