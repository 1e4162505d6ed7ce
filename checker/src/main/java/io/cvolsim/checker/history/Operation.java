package io.cvolsim.checker.history;

import java.util.Objects;

/**
 * One event of a history: an invocation or a completion, from one client process.
 *
 * <p>Values are plain Java: null, Long, Double, String, Boolean, List, Map with String keys.
 * EDN keywords arrive as strings without the colon.
 *
 * @param process the client process id; a crashed process continues under a new id
 * @param type invoke, ok, fail or info
 * @param f the operation name, such as "read" or "cas"
 * @param value the argument (on invoke) or the result (on completion)
 * @param timeNanos when the client saw the event, in nanoseconds; -1 when unknown
 * @param index the position of the event in its history, from 0
 */
public record Operation(
    long process, OperationType type, String f, Object value, long timeNanos, long index) {

  public Operation {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(f, "f");
  }

  /** A copy of this event with another index, used when a history is renumbered. */
  public Operation withIndex(long newIndex) {
    return new Operation(process, type, f, value, timeNanos, newIndex);
  }

  @Override
  public String toString() {
    return "{process " + process + ", " + type.jepsenName() + " " + f + " " + ValueText.of(value)
        + "}";
  }
}
