package io.cvolsim.model.db;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Galera's certification, reduced to what decides it: a write set fails when another master
 * committed a conflicting write to one of its rows after this one's snapshot, less the
 * replication delay (a write that recent had not reached this master when the snapshot was
 * taken). Exclusive keys conflict with any key of the row, shared (foreign-key parent) keys only
 * with exclusive ones. The failure reaches the client as a deadlock error, as MySQL reports it.
 */
final class Certifier {
  private final int masters;
  private final long replicationDelayNanos;
  /** Per row, per master: when that master last committed a write that changed the row. */
  private final TreeMap<WriteScope.RowKey, long[]> exclusiveNanos = new TreeMap<>();
  /** Per row, per master: when that master last committed a child referencing the row. */
  private final TreeMap<WriteScope.RowKey, long[]> sharedNanos = new TreeMap<>();

  Certifier(int masters, long replicationDelayNanos) {
    this.masters = masters;
    this.replicationDelayNanos = replicationDelayNanos;
  }

  /** Whether a write set of {@code master} whose snapshot was taken at {@code snapshotNanos} fails. */
  boolean conflicts(int master, long snapshotNanos, List<WriteScope.WriteKey> keys) {
    if (masters == 1) {
      return false;
    }
    long unseenAfterNanos = snapshotNanos - replicationDelayNanos;
    for (WriteScope.WriteKey key : keys) {
      if (committedByOtherAfter(exclusiveNanos, key.row(), master, unseenAfterNanos)
          || key.exclusive() && committedByOtherAfter(sharedNanos, key.row(), master, unseenAfterNanos)) {
        return true;
      }
    }
    return false;
  }

  private boolean committedByOtherAfter(TreeMap<WriteScope.RowKey, long[]> ledger, WriteScope.RowKey row,
      int master, long afterNanos) {
    long[] lastNanos = ledger.get(row);
    if (lastNanos == null) {
      return false;
    }
    for (int other = 0; other < masters; other++) {
      if (other != master && lastNanos[other] > afterNanos) {
        return true;
      }
    }
    return false;
  }

  /** Notes a committed write set; only the last commit per row and master can decide a conflict. */
  void record(int master, long commitNanos, List<WriteScope.WriteKey> keys) {
    if (masters == 1) {
      return;
    }
    for (WriteScope.WriteKey key : keys) {
      TreeMap<WriteScope.RowKey, long[]> ledger = key.exclusive() ? exclusiveNanos : sharedNanos;
      ledger.computeIfAbsent(key.row(), row -> newTimes())[master] = commitNanos;
    }
  }

  private long[] newTimes() {
    long[] times = new long[masters];
    Arrays.fill(times, Long.MIN_VALUE);
    return times;
  }
}
