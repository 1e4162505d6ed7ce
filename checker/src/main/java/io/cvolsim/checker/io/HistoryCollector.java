package io.cvolsim.checker.io;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.HistoryFormatException;
import io.cvolsim.checker.history.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects the operations a reader finds, each with its source line, into a History. */
final class HistoryCollector {
  private final String source;
  private final List<Operation> operations = new ArrayList<>();
  private int[] lines = new int[64];

  HistoryCollector(String source) {
    this.source = source;
  }

  /** Adds a client operation; null (a nemesis op) is ignored. */
  void add(Operation operation, int line) {
    if (operation == null) {
      return;
    }
    if (operations.size() == lines.length) {
      lines = Arrays.copyOf(lines, lines.length * 2);
    }
    lines[operations.size()] = line;
    operations.add(operation);
  }

  /** Parses one line of a line-based format; null for a line that holds no client op. */
  @FunctionalInterface
  interface LineParser {
    Operation parse(String line, int lineNumber) throws HistoryFormatException;
  }

  /** A history from a format with one event per line. */
  static History fromLines(String source, CharSequence content, LineParser parser)
      throws HistoryFormatException {
    HistoryCollector collector = new HistoryCollector(source);
    int lineNumber = 0;
    for (String line : content.toString().split("\n", -1)) {
      lineNumber++;
      collector.add(parser.parse(line, lineNumber), lineNumber);
    }
    return collector.build();
  }

  History build() throws HistoryFormatException {
    return History.fromSource(source, operations, Arrays.copyOf(lines, operations.size()));
  }
}
