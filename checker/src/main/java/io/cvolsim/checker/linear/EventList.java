package io.cvolsim.checker.linear;

import io.cvolsim.checker.history.PairedOperation;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls and returns of one partition in history order, as a doubly linked list over int
 * arrays, from which linearized operations are lifted and restored in LIFO order (dancing
 * links). Operations whose outcome is unknown have a call and no return: nothing forces them
 * to be linearized, which is exactly "it may take effect at any later point, or never".
 */
final class EventList {
  static final int NONE = -1;
  final int head;
  final int[] next;
  final int[] prev;
  /** The operation (index into the partition's operation list) of each event. */
  final int[] operationOf;
  /** For a call: its return event, or NONE; for a return: NONE. */
  final int[] returnOf;
  final boolean[] isCall;

  EventList(List<PairedOperation> operations) {
    List<long[]> events = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      PairedOperation operation = operations.get(i);
      events.add(new long[] {operation.invocationPosition(), i, 1});
      if (operation.hasKnownOutput()) {
        events.add(new long[] {operation.completionPosition(), i, 0});
      }
    }
    events.sort((a, b) -> Long.compare(a[0], b[0]));
    int count = events.size();
    head = count;
    next = new int[count + 1];
    prev = new int[count + 1];
    operationOf = new int[count];
    returnOf = new int[count];
    isCall = new boolean[count];
    int[] callOf = new int[operations.size()];
    for (int e = 0; e < count; e++) {
      operationOf[e] = (int) events.get(e)[1];
      isCall[e] = events.get(e)[2] == 1;
      returnOf[e] = NONE;
      if (isCall[e]) {
        callOf[operationOf[e]] = e;
      } else {
        returnOf[callOf[operationOf[e]]] = e;
      }
      next[e] = e + 1 < count ? e + 1 : NONE;
      prev[e] = e == 0 ? head : e - 1;
    }
    next[head] = count > 0 ? 0 : NONE;
  }

  /** Removes a call and its return, if any. */
  void lift(int call) {
    unlink(call);
    if (returnOf[call] != NONE) {
      unlink(returnOf[call]);
    }
  }

  /** Restores what {@link #lift} removed; calls must be restored in reverse order. */
  void unlift(int call) {
    if (returnOf[call] != NONE) {
      relink(returnOf[call]);
    }
    relink(call);
  }

  private void unlink(int event) {
    next[prev[event]] = next[event];
    if (next[event] != NONE) {
      prev[next[event]] = prev[event];
    }
  }

  private void relink(int event) {
    next[prev[event]] = event;
    if (next[event] != NONE) {
      prev[next[event]] = event;
    }
  }
}
