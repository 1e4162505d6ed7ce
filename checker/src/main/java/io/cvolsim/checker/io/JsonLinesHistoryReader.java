package io.cvolsim.checker.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.HistoryFormatException;

/**
 * Reads our JSON-lines form: one JSON object per line with the keys {@code process} (integer;
 * a string such as "nemesis" marks a non-client op, skipped), {@code type} ("invoke", "ok",
 * "fail", "info"), {@code f}, {@code value}, and optionally {@code time} (nanoseconds) and
 * {@code index}. Blank lines are skipped.
 */
final class JsonLinesHistoryReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLinesHistoryReader() {}

  static History read(String source, CharSequence content) throws HistoryFormatException {
    return HistoryCollector.fromLines(source, content, (line, lineNumber) -> {
      if (line.isBlank()) {
        return null;
      }
      Object parsed;
      try {
        parsed = JSON.readValue(line, Object.class);
      } catch (JsonProcessingException error) {
        throw new HistoryFormatException(source, lineNumber, "JSON syntax error: "
            + error.getOriginalMessage().lines().findFirst().orElse(""));
      }
      return OperationMaps.toOperation(PlainValues.of(parsed), source, lineNumber, false);
    });
  }
}
