package io.cvolsim.checker.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable Jepsen-style history: the events in the order the clients saw them, paired into
 * operations. Building one checks that it is well formed: every completion closes an open
 * invocation of the same process and function, and no process has two open invocations.
 * Invocations still open at the end count as info.
 */
public final class History {
  private final String sourceName;
  private final List<Operation> operations;
  private final int[] sourceLines;
  private final List<PairedOperation> pairs;

  private History(String sourceName, List<Operation> operations, int[] sourceLines,
      List<PairedOperation> pairs) {
    this.sourceName = sourceName;
    this.operations = operations;
    this.sourceLines = sourceLines;
    this.pairs = pairs;
  }

  /** A history built in memory; line numbers in errors are event positions from 1. */
  public static History of(List<Operation> events) throws HistoryFormatException {
    int[] lines = new int[events.size()];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = i + 1;
    }
    return fromSource("<history>", events, lines);
  }

  /**
   * A history read from a file.
   *
   * @param sourceName the file name, for messages
   * @param events the events in order
   * @param sourceLines the 1-based line of each event in the file
   */
  public static History fromSource(String sourceName, List<Operation> events, int[] sourceLines)
      throws HistoryFormatException {
    if (sourceLines.length != events.size()) {
      throw new IllegalArgumentException("one line number per event is needed");
    }
    List<Operation> numbered = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      Operation event = events.get(i);
      numbered.add(event.index() == i ? event : event.withIndex(i));
    }
    List<PairedOperation> pairs = pair(sourceName, numbered, sourceLines);
    return new History(sourceName, Collections.unmodifiableList(numbered), sourceLines.clone(),
        Collections.unmodifiableList(pairs));
  }

  private static List<PairedOperation> pair(String sourceName, List<Operation> events,
      int[] lines) throws HistoryFormatException {
    Map<Long, Integer> openByProcess = new HashMap<>();
    PairedOperation[] byInvocation = new PairedOperation[events.size()];
    for (int position = 0; position < events.size(); position++) {
      Operation event = events.get(position);
      Integer open = openByProcess.get(event.process());
      if (event.type() == OperationType.INVOKE) {
        if (open != null) {
          throw new HistoryFormatException(sourceName, lines[position], "process " + event.process()
              + " invokes " + event.f() + " while its invocation on line " + lines[open]
              + " is still open");
        }
        openByProcess.put(event.process(), position);
        continue;
      }
      if (open == null) {
        throw new HistoryFormatException(sourceName, lines[position], "a completion (:"
            + event.type().jepsenName() + " " + event.f() + ") of process " + event.process()
            + " without an invocation");
      }
      Operation invocation = events.get(open);
      if (!invocation.f().equals(event.f())) {
        throw new HistoryFormatException(sourceName, lines[position], "completion :" + event.f()
            + " does not match the invocation :" + invocation.f() + " on line " + lines[open]);
      }
      byInvocation[open] = new PairedOperation(0, invocation, event, open, position);
      openByProcess.remove(event.process());
    }
    return numberPairs(events, byInvocation);
  }

  private static List<PairedOperation> numberPairs(List<Operation> events,
      PairedOperation[] byInvocation) {
    List<PairedOperation> pairs = new ArrayList<>();
    for (int position = 0; position < events.size(); position++) {
      Operation event = events.get(position);
      if (event.type() != OperationType.INVOKE) {
        continue;
      }
      PairedOperation closed = byInvocation[position];
      pairs.add(closed == null
          ? new PairedOperation(pairs.size(), event, null, position, -1)
          : new PairedOperation(pairs.size(), event, closed.completion(), position,
              closed.completionPosition()));
    }
    return pairs;
  }

  /** The file (or "&lt;history&gt;") this history came from. */
  public String sourceName() {
    return sourceName;
  }

  /** All events in order; each event's index is its position. */
  public List<Operation> operations() {
    return operations;
  }

  /** The operations (invocation plus completion), in invocation order. */
  public List<PairedOperation> pairs() {
    return pairs;
  }

  /** The source line of the event at a position. */
  public int lineOf(int eventPosition) {
    return sourceLines[eventPosition];
  }

  /** The number of invocations. */
  public int invocationCount() {
    return pairs.size();
  }

  @Override
  public String toString() {
    return "History(" + sourceName + ", " + operations.size() + " events, " + pairs.size()
        + " operations)";
  }
}
