package io.cvolsim.checker.io;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.HistoryFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a history in any supported format. Every problem with the content is a
 * {@link HistoryFormatException} whose message names the source, the line and the problem.
 */
public final class HistoryReader {
  private HistoryReader() {}

  /** Reads a file; the source name in messages is the path as given. */
  public static History read(Path file, HistoryFormat format)
      throws IOException, HistoryFormatException {
    String content = Files.readString(file, StandardCharsets.UTF_8);
    return read(file.toString(), content, format);
  }

  /** Reads a history held in memory. */
  public static History read(String sourceName, CharSequence content, HistoryFormat format)
      throws HistoryFormatException {
    HistoryFormat actual = format == HistoryFormat.AUTO ? FormatDetector.detect(content) : format;
    return switch (actual) {
      case EDN -> EdnHistoryReader.read(sourceName, content, false);
      case PORCUPINE_KV -> EdnHistoryReader.read(sourceName, content, true);
      case JEPSEN_LOG -> JepsenLogReader.read(sourceName, content);
      case JSONL -> JsonLinesHistoryReader.read(sourceName, content);
      case AUTO -> throw new IllegalStateException("detection never answers AUTO");
    };
  }
}
