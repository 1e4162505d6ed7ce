package io.cvolsim.checker.linear;

import io.cvolsim.checker.history.PairedOperation;
import java.util.List;

/**
 * One of the longest orders the search found before it got stuck.
 *
 * @param linearized the operations in the order they were linearized
 * @param stateReached the model state after them
 * @param blockedBy the operation that returned before it could be linearized from that state
 */
public record PartialLinearization(
    List<PairedOperation> linearized, Object stateReached, PairedOperation blockedBy) {

  public PartialLinearization {
    linearized = List.copyOf(linearized);
  }
}
