package io.cvolsim.checker.io;

import java.util.Locale;

/** The history file formats the checker reads. */
public enum HistoryFormat {
  /** Decide from the content; see {@link FormatDetector}. */
  AUTO,
  /** Jepsen EDN: a vector of op maps, or one op map per line. */
  EDN,
  /** Jepsen's text log: {@code INFO  jepsen.util - 3	:invoke	:read	nil}. */
  JEPSEN_LOG,
  /** Porcupine's kv logs: EDN op maps with a {@code :key}; read as values {@code [key value]}. */
  PORCUPINE_KV,
  /** Our JSON lines: one JSON object per line, see checker/README.md. */
  JSONL;

  /** The command-line name: auto, edn, jepsen-log, porcupine-kv, jsonl. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a command-line name; null when it is not one. */
  public static HistoryFormat fromCliName(String name) {
    for (HistoryFormat format : values()) {
      if (format.cliName().equals(name)) {
        return format;
      }
    }
    return null;
  }
}
