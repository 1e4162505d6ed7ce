package io.cvolsim.checker.linear;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.OperationType;
import io.cvolsim.checker.history.PairedOperation;
import io.cvolsim.checker.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * The definition, executed: tries every order of the operations consistent with real time
 * (each info operation placed anywhere after its invocation, or left out) and asks the model.
 * Exponential; for histories of a handful of operations only. No partitioning, no cache.
 */
final class BruteForceChecker {
  private BruteForceChecker() {}

  static boolean isLinearizable(History history, Model model) {
    List<PairedOperation> operations = new ArrayList<>();
    for (PairedOperation operation : history.pairs()) {
      if (operation.outcome() != OperationType.FAIL) {
        operations.add(operation);
      }
    }
    if (operations.size() > 10) {
      throw new IllegalArgumentException("too many operations for brute force");
    }
    return search(model, model.initialState(), operations, new boolean[operations.size()]);
  }

  private static boolean search(Model model, Object state, List<PairedOperation> operations,
      boolean[] placed) {
    if (allOkPlaced(operations, placed)) {
      return true;
    }
    for (int candidate = 0; candidate < operations.size(); candidate++) {
      if (placed[candidate] || !mayGoNext(operations, placed, candidate)) {
        continue;
      }
      Object next = model.step(state, operations.get(candidate));
      if (next == Model.ILLEGAL) {
        continue;
      }
      placed[candidate] = true;
      boolean found = search(model, next, operations, placed);
      placed[candidate] = false;
      if (found) {
        return true;
      }
    }
    return false;
  }

  /** Info operations never have to be placed: they may not have taken effect. */
  private static boolean allOkPlaced(List<PairedOperation> operations, boolean[] placed) {
    for (int i = 0; i < operations.size(); i++) {
      if (!placed[i] && operations.get(i).outcome() == OperationType.OK) {
        return false;
      }
    }
    return true;
  }

  /** No unplaced ok operation completed before the candidate was invoked. */
  private static boolean mayGoNext(List<PairedOperation> operations, boolean[] placed,
      int candidate) {
    int invokedAt = operations.get(candidate).invocationPosition();
    for (int other = 0; other < operations.size(); other++) {
      PairedOperation operation = operations.get(other);
      if (!placed[other] && operation.outcome() == OperationType.OK
          && operation.completionPosition() < invokedAt) {
        return false;
      }
    }
    return true;
  }
}
