package io.cvolsim.checker.io;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.HistoryFormatException;
import io.cvolsim.checker.history.Operation;
import io.cvolsim.checker.history.OperationType;
import java.util.ArrayList;
import java.util.List;

/**
 * Porcupine's reading of its etcd Jepsen logs, as an alternative to ours (Knossos's): a
 * {@code :fail :cas} is a CAS that ran and returned false (the register did not hold the
 * expected value), rewritten here to an ok cas with result {@code false}; a
 * {@code :fail :read} (a timeout) is a read with unknown result, rewritten to info. Both
 * readings give the same verdicts on all of Porcupine's etcd logs (see AgreementTest).
 */
public final class PorcupineEtcdReading {
  private PorcupineEtcdReading() {}

  /** The history with failed cas and read operations reinterpreted. */
  public static History apply(History history) throws HistoryFormatException {
    List<Operation> events = new ArrayList<>(history.operations().size());
    int[] lines = new int[history.operations().size()];
    for (Operation event : history.operations()) {
      lines[events.size()] = history.lineOf((int) event.index());
      events.add(reinterpreted(event));
    }
    return History.fromSource(history.sourceName(), events, lines);
  }

  private static Operation reinterpreted(Operation event) {
    if (event.type() != OperationType.FAIL) {
      return event;
    }
    return switch (event.f()) {
      case "cas" -> new Operation(event.process(), OperationType.OK, "cas", Boolean.FALSE,
          event.timeNanos(), event.index());
      case "read" -> new Operation(event.process(), OperationType.INFO, "read", event.value(),
          event.timeNanos(), event.index());
      default -> event;
    };
  }
}
