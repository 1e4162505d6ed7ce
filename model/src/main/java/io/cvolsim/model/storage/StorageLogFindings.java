package io.cvolsim.model.storage;

import io.cvolsim.kernel.api.NodeId;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts in a storage I/O log that the storage properties are judged on (reference §8):
 * overlapping mutations of one object by different nodes (S1), deletes overlapping a copy of
 * their object (S2), torn copies (integrity), and calls accepted from a node after its access
 * was revoked. Pure functions over log entries; the checker decides what is a violation (for
 * example, it exempts several attaches of a multiattach volume from S1).
 */
public final class StorageLogFindings {
  /** Two calls that ran at a common instant. */
  public record Overlap(IoLogEntry first, IoLogEntry second) {}

  private StorageLogFindings() {}

  /**
   * S1 candidates: accepted changes of one target (driver calls and block writes) by different
   * nodes, overlapping in time. S1 is about c-vol nodes: a checker passes only their entries,
   * since an attached instance writing during, say, an online extend is no violation.
   */
  public static List<Overlap> concurrentMutations(List<IoLogEntry> entries) {
    List<Overlap> found = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      for (int j = i + 1; j < entries.size(); j++) {
        IoLogEntry first = entries.get(i);
        IoLogEntry second = entries.get(j);
        if (isAcceptedMutation(first) && isAcceptedMutation(second)
            && first.call().target().equals(second.call().target())
            && !first.call().caller().equals(second.call().caller()) && first.overlaps(second)) {
          found.add(new Overlap(first, second));
        }
      }
    }
    return found;
  }

  /** S2: an accepted delete of X overlapping an accepted copy reading X (first: the copy). */
  public static List<Overlap> deletesDuringCopies(List<IoLogEntry> entries) {
    List<Overlap> found = new ArrayList<>();
    for (IoLogEntry copy : entries) {
      if (!copy.call().operation().readsSource() || !copy.outcome().isAccepted()) {
        continue;
      }
      for (IoLogEntry delete : entries) {
        if (delete.call().operation().category() == StorageOperation.Category.DELETE
            && delete.outcome().isAccepted() && delete.call().target().equals(copy.call().source())
            && delete.overlaps(copy)) {
          found.add(new Overlap(copy, delete));
        }
      }
    }
    return found;
  }

  /** Ended copies whose target is not the source's content at the copy's start. */
  public static List<IoLogEntry> tornCopies(List<IoLogEntry> entries) {
    return entries.stream().filter(entry -> entry.copy() != null && entry.copy().isTorn()).toList();
  }

  /** Calls the array accepted from a node whose access had been revoked and not yet restored. */
  public static List<IoLogEntry> acceptedWhileRevoked(List<IoLogEntry> entries) {
    List<IoLogEntry> found = new ArrayList<>();
    // A set: two cleaners revoking one node is one revocation, undone by one restore.
    java.util.TreeSet<NodeId> revoked = new java.util.TreeSet<>();
    for (IoLogEntry entry : entries) {
      IoCall call = entry.call();
      if (call.operation() == StorageOperation.REVOKE_ACCESS && entry.outcome() == IoOutcome.COMPLETED) {
        revoked.add(NodeId.of(call.target()));
      } else if (call.operation() == StorageOperation.RESTORE_ACCESS && entry.outcome() == IoOutcome.COMPLETED) {
        revoked.remove(NodeId.of(call.target()));
      } else if (entry.outcome().isAccepted() && revoked.contains(call.caller())) {
        found.add(entry);
      }
    }
    return found;
  }

  /** Calls accepted before their caller's access was revoked that were still running after it. */
  public static List<Overlap> runningAcrossRevocation(List<IoLogEntry> entries) {
    List<Overlap> found = new ArrayList<>();
    for (IoLogEntry revocation : entries) {
      if (revocation.call().operation() != StorageOperation.REVOKE_ACCESS) {
        continue;
      }
      NodeId node = NodeId.of(revocation.call().target());
      for (IoLogEntry work : entries) {
        if (work.call().caller().equals(node) && work.outcome().isAccepted()
            && work.startNanos() <= revocation.startNanos() && work.endNanos() > revocation.startNanos()
            && work.sequence() < revocation.sequence()) {
          found.add(new Overlap(work, revocation));
        }
      }
    }
    return found;
  }

  private static boolean isAcceptedMutation(IoLogEntry entry) {
    return entry.call().operation().category() != StorageOperation.Category.ADMIN
        && entry.outcome().isAccepted();
  }
}
