package io.cvolsim.checker.linear;

import java.util.List;
import java.util.Optional;

/**
 * The verdict on a whole history: NOT_LINEARIZABLE if any partition is, else UNKNOWN if any
 * partition is (or was not checked), else LINEARIZABLE.
 *
 * @param verdict the combined verdict
 * @param operationCount operations in the history (invocations)
 * @param partitions the partitions checked, smallest first; a one-thread check stops at the
 *     first violation, so later partitions may be missing
 * @param elapsedNanos wall-clock time of the check
 */
public record CheckResult(
    Verdict verdict, int operationCount, List<PartitionResult> partitions, long elapsedNanos) {

  public CheckResult {
    partitions = List.copyOf(partitions);
  }

  /** The witness of the smallest failing partition, when there is one. */
  public Optional<Witness> witness() {
    return partitions.stream()
        .filter(partition -> partition.witness() != null)
        .map(PartitionResult::witness)
        .findFirst();
  }

  /** Why the verdict is UNKNOWN (the first spent budget), when it is. */
  public Optional<String> unknownReason() {
    return partitions.stream()
        .map(PartitionResult::unknownReason)
        .filter(reason -> reason != null)
        .findFirst();
  }

  /** Configurations cached over all partitions. */
  public long configurationsCached() {
    return partitions.stream().mapToLong(PartitionResult::configurationsCached).sum();
  }

  /** True only for LINEARIZABLE: UNKNOWN is not a pass. */
  public boolean isLinearizable() {
    return verdict == Verdict.LINEARIZABLE;
  }
}
