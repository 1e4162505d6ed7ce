package io.cvolsim.scenarios.properties;

import io.cvolsim.model.workers.AppliedRow;
import java.util.List;
import java.util.Objects;

/**
 * The workers table as the database applied its writes, where the harness recorded them. The
 * worker log is in the order writers heard their answers, and a writer that died first never logs
 * its write (hardened seed 2167: a set_worker applied while its writer was paused, the writer
 * then killed); this is the database's own order. With nothing recorded (hand-built logs) it
 * knows nothing and excuses nothing.
 */
record WorkersTruth(List<AppliedRow> applied) {
  static final WorkersTruth UNKNOWN = new WorkersTruth(List.of());

  WorkersTruth {
    applied = List.copyOf(applied);
  }

  /** Whether the database's writes were recorded, so that the log's order need not be guessed from. */
  boolean known() {
    return !applied.isEmpty();
  }

  /** Whether the row existed at {@code atNanos} owned by {@code serviceId}; true when unknown. */
  boolean ownedBy(long rowId, long serviceId, long atNanos) {
    if (applied.isEmpty()) {
      return true;
    }
    AppliedRow last = lastWriteUpTo(rowId, atNanos);
    return last != null && !last.deleted() && Objects.equals(last.serviceId(), serviceId);
  }

  /** Whether the database had deleted the row by {@code atNanos}; false when unknown. */
  boolean deletedBy(long rowId, long atNanos) {
    AppliedRow last = lastWriteUpTo(rowId, atNanos);
    return last != null && last.deleted();
  }

  private AppliedRow lastWriteUpTo(long rowId, long atNanos) {
    AppliedRow last = null;
    for (AppliedRow row : applied) {
      if (row.trueTimeNanos() > atNanos) {
        break;
      }
      if (row.id() == rowId) {
        last = row;
      }
    }
    return last;
  }
}
