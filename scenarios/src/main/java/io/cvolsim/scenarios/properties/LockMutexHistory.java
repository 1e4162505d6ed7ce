package io.cvolsim.scenarios.properties;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.HistoryFormatException;
import io.cvolsim.checker.history.Operation;
import io.cvolsim.checker.history.OperationType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One lock's grants as a history for the checker's "mutex" model: each grant is one process
 * that acquires (invoked when requested, ok when granted) and, unless it is still held at the
 * end, releases (invoked when the grant stopped being held in either view, ok when the release
 * answered). At equal times releases come before acquires, so a hand-over at one instant is
 * sequential, as {@link LockGrant#overlaps} treats touching intervals.
 */
final class LockMutexHistory {
  /** An event with its place in time. */
  private record Timed(long atNanos, int rank, long sequence, Operation operation) {}

  private LockMutexHistory() {}

  static History of(List<LockGrant> grants) {
    List<Timed> timed = new ArrayList<>();
    long process = 0;
    for (LockGrant grant : grants) {
      process++;
      timed.add(event(grant.requestedNanos(), 2, timed.size(), process, OperationType.INVOKE, "acquire"));
      timed.add(event(grant.grantedNanos(), 3, timed.size(), process, OperationType.OK, "acquire"));
      long releaseAt = grant.heldUntilNanos();
      if (releaseAt != LockGrant.OPEN) {
        // A release at its own grant's instant must still follow that grant.
        int rank = releaseAt == grant.grantedNanos() ? 4 : 0;
        long answered = Math.max(releaseAt, grant.releaseDoneNanos());
        timed.add(event(releaseAt, rank, timed.size(), process, OperationType.INVOKE, "release"));
        timed.add(event(answered, answered == releaseAt ? rank + 1 : 1, timed.size(), process, OperationType.OK,
            "release"));
      }
    }
    timed.sort(Comparator.comparingLong(Timed::atNanos).thenComparingInt(Timed::rank)
        .thenComparingLong(Timed::sequence));
    try {
      return History.of(timed.stream().map(Timed::operation).toList());
    } catch (HistoryFormatException impossible) {
      throw new IllegalStateException("lock history out of order: " + impossible.getMessage(), impossible);
    }
  }

  private static Timed event(long atNanos, int rank, long sequence, long process, OperationType type, String f) {
    return new Timed(atNanos, rank, sequence, new Operation(process, type, f, null, atNanos, 0));
  }
}
