package io.cvolsim.checker.io;

import io.cvolsim.checker.history.HistoryFormatException;
import io.cvolsim.checker.history.Operation;
import io.cvolsim.checker.history.OperationType;
import java.util.List;
import java.util.Map;

/**
 * Reads one op map ({@code :process :type :f :value :time}, already plain Java) into an
 * {@link Operation}. Unknown keys are ignored; ops of a non-numeric process (the nemesis) are
 * not client operations and are skipped.
 */
final class OperationMaps {
  private OperationMaps() {}

  /**
   * The operation, or null when it is not a client operation.
   *
   * @param foldKey true for Porcupine kv logs: the value becomes {@code [key value]}
   */
  static Operation toOperation(Object parsed, String source, int line, boolean foldKey)
      throws HistoryFormatException {
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new HistoryFormatException(source, line, "expected an op map, got " + parsed);
    }
    Object process = map.get("process");
    if (process instanceof String) {
      return null;
    }
    if (!(process instanceof Long id)) {
      throw new HistoryFormatException(source, line, "op without an integer :process: " + map);
    }
    OperationType type = map.get("type") instanceof String name
        ? OperationType.fromJepsenName(name) : null;
    if (type == null) {
      throw new HistoryFormatException(source, line,
          "op :type must be :invoke, :ok, :fail or :info, got " + map.get("type"));
    }
    if (!(map.get("f") instanceof String f)) {
      throw new HistoryFormatException(source, line, "op without an :f: " + map);
    }
    Object value = map.get("value");
    if (foldKey) {
      if (!map.containsKey("key")) {
        throw new HistoryFormatException(source, line, "kv op without a :key: " + map);
      }
      value = keyed(map.get("key"), value);
    }
    long timeNanos = map.get("time") instanceof Long time ? time : -1;
    return new Operation(id, type, f, value, timeNanos, 0);
  }

  /** The value {@code [key value]} of a folded kv op. */
  static List<Object> keyed(Object key, Object value) {
    return java.util.Collections.unmodifiableList(java.util.Arrays.asList(key, value));
  }
}
