package io.cvolsim.checker.io;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.HistoryFormatException;
import io.cvolsim.checker.history.Operation;
import io.cvolsim.checker.history.OperationType;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Reads Jepsen's text logs, the form of Porcupine's test_data/jepsen/etcd_*.log: one event per
 * line, {@code INFO  jepsen.util - <process>\t:<type>\t:<f>\t<value>}, the value in EDN. Other
 * log lines are skipped; nemesis lines too.
 */
final class JepsenLogReader {
  private static final String MARKER = "jepsen.util - ";
  private static final Parser PARSER = Parsers.newParser(Parsers.defaultConfiguration());

  private JepsenLogReader() {}

  static History read(String source, CharSequence content) throws HistoryFormatException {
    return HistoryCollector.fromLines(source, content, (line, lineNumber) -> {
      int marker = line.indexOf(MARKER);
      if (marker >= 0) {
        return parseEvent(source, lineNumber, line.substring(marker + MARKER.length()));
      }
      if (!line.isBlank() && !line.startsWith("INFO") && !line.startsWith("WARN")) {
        throw new HistoryFormatException(source, lineNumber,
            "not a Jepsen log line (expected INFO  jepsen.util - ...): " + abbreviate(line));
      }
      return null;
    });
  }

  private static Operation parseEvent(String source, int lineNumber, String event)
      throws HistoryFormatException {
    String[] fields = event.strip().split("\\s+", 4);
    if (fields.length != 4) {
      throw new HistoryFormatException(source, lineNumber, "truncated or malformed event: "
          + "expected process, type, f and value separated by tabs or spaces, got " + abbreviate(event));
    }
    String process = fields[0].strip();
    if (process.startsWith(":")) {
      return null;
    }
    OperationType type = OperationType.fromJepsenName(fields[1].strip());
    if (type == null || !fields[2].strip().startsWith(":")) {
      throw new HistoryFormatException(source, lineNumber, "bad type or f in " + abbreviate(event));
    }
    try {
      Object parsed = PARSER.nextValue(Parsers.newParseable(fields[3].strip()));
      if (parsed == Parser.END_OF_INPUT) {
        throw new HistoryFormatException(source, lineNumber, "event without a value");
      }
      return new Operation(Long.parseLong(process), type, fields[2].strip().substring(1),
          PlainValues.of(parsed), -1, 0);
    } catch (NumberFormatException | EdnException error) {
      throw new HistoryFormatException(source, lineNumber, "bad process or value in "
          + abbreviate(event));
    }
  }

  private static String abbreviate(String text) {
    String oneLine = text.replace('\t', ' ').strip();
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "...";
  }
}
