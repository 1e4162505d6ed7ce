package io.cvolsim.checker.io;

/**
 * Guesses a history's format from its first meaningful line: a JSON object is JSON lines, a
 * line from jepsen.util is a Jepsen text log, an EDN op map with {@code :key} is a Porcupine kv
 * log, and anything else is EDN (an empty file is an empty EDN history).
 */
public final class FormatDetector {
  private FormatDetector() {}

  /** The format of a file's content. */
  public static HistoryFormat detect(CharSequence content) {
    String firstLine = firstMeaningfulLine(content);
    if (firstLine.contains("jepsen.util - ") || firstLine.startsWith("INFO ")) {
      return HistoryFormat.JEPSEN_LOG;
    }
    if (firstLine.matches("\\{\\s*\".*")) {
      return HistoryFormat.JSONL;
    }
    if (firstLine.contains(":key ")) {
      return HistoryFormat.PORCUPINE_KV;
    }
    return HistoryFormat.EDN;
  }

  private static String firstMeaningfulLine(CharSequence content) {
    int start = 0;
    while (start < content.length()) {
      int end = start;
      while (end < content.length() && content.charAt(end) != '\n') {
        end++;
      }
      String line = content.subSequence(start, end).toString().strip();
      if (!line.isEmpty() && !line.startsWith(";")) {
        return line;
      }
      start = end + 1;
    }
    return "";
  }
}
