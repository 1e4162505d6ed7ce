package io.cvolsim.checker.linear;

import io.cvolsim.checker.history.PairedOperation;
import io.cvolsim.checker.history.ValueText;
import java.util.List;

/**
 * Why a history is not linearizable, for a person to read: the smallest failing partition, the
 * operations involved at the point where every order got stuck, and the states that the longest
 * partial linearizations reached.
 *
 * @param partition the partition (key, volume id, or "all")
 * @param partitionOperationCount operations in that partition
 * @param involved the operation that could not be linearized and the concurrent operations
 *     the search tried before it, in history order
 * @param longest up to a few of the longest partial linearizations, one per distinct state
 */
public record Witness(
    String partition,
    int partitionOperationCount,
    List<PairedOperation> involved,
    List<PartialLinearization> longest) {

  public Witness {
    involved = List.copyOf(involved);
    longest = List.copyOf(longest);
  }

  /** A few lines of text: partition, operations involved, states reached. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append("partition ").append(partition).append(" (").append(partitionOperationCount)
        .append(" operations) cannot be linearized\n");
    out.append("operations involved:\n");
    for (PairedOperation operation : involved) {
      out.append("  ").append(operation).append('\n');
    }
    for (PartialLinearization partial : longest) {
      out.append("after ").append(partial.linearized().size()).append(" linearized operations")
          .append(" the state is ").append(ValueText.of(partial.stateReached()))
          .append(", and ").append(partial.blockedBy()).append(" cannot follow\n");
    }
    return out.toString();
  }
}
