package io.cvolsim.checker.io;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.HistoryFormatException;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Reads Jepsen EDN histories with edn-java: either one vector (or list) of op maps, or op maps
 * one after another (one per line, as Porcupine's kv logs are). The reader walks the top level
 * itself so that each op keeps its line number for error messages.
 */
final class EdnHistoryReader {
  private static final Parser PARSER = Parsers.newParser(Parsers.defaultConfiguration());

  private EdnHistoryReader() {}

  static History read(String source, CharSequence content, boolean foldKey)
      throws HistoryFormatException {
    LineCountingParseable input = new LineCountingParseable(content);
    HistoryCollector collector = new HistoryCollector(source);
    int first = input.peekMeaningful();
    if (first == '[' || first == '(') {
      int openLine = input.line();
      input.read();
      int close = first == '[' ? ']' : ')';
      readValues(source, input, collector, foldKey, close, openLine);
    } else {
      readValues(source, input, collector, foldKey, Parseable.END_OF_INPUT, 0);
    }
    return collector.build();
  }

  /** Reads op maps until {@code close} (a bracket, or the end of the input). */
  private static void readValues(String source, LineCountingParseable input,
      HistoryCollector collector, boolean foldKey, int close, int openLine)
      throws HistoryFormatException {
    while (true) {
      int next = input.peekMeaningful();
      if (next == close) {
        input.read();
        break;
      }
      if (next == Parseable.END_OF_INPUT) {
        throw new HistoryFormatException(source, input.line(), "truncated: the history opened on"
            + " line " + openLine + " is not closed with " + (char) close);
      }
      int line = input.line();
      Object value = parse(source, input, line);
      if (value == Parser.END_OF_INPUT) {
        continue;
      }
      collector.add(OperationMaps.toOperation(PlainValues.of(value), source, line, foldKey), line);
    }
    if (close != Parseable.END_OF_INPUT && input.peekMeaningful() != Parseable.END_OF_INPUT) {
      throw new HistoryFormatException(source, input.line(),
          "unexpected content after the closing " + (char) close);
    }
  }

  private static Object parse(String source, LineCountingParseable input, int line)
      throws HistoryFormatException {
    try {
      return PARSER.nextValue(input);
    } catch (EdnException | IllegalStateException | NumberFormatException error) {
      String reason = error.getMessage() == null ? error.getClass().getSimpleName()
          : error.getMessage().lines().findFirst().orElse("");
      throw new HistoryFormatException(source, line, "EDN syntax error: " + reason
          + " (op starting on line " + line + ", parser stopped on line " + input.line() + ")");
    }
  }
}
