package io.cvolsim.model.db;

import io.cvolsim.kernel.api.TimerHandle;
import java.util.ArrayList;
import java.util.List;

/** A transaction the server has open: its master, snapshot, the locks it holds and its idle timer. */
final class OpenTransaction {
  private static final long NO_SNAPSHOT = Long.MIN_VALUE;

  final TransactionKey key;
  final int master;
  private long snapshotNanos = NO_SNAPSHOT;
  private final List<RowLocks.LockKey> locks = new ArrayList<>();
  private TimerHandle idleTimer;

  OpenTransaction(TransactionKey key, int master) {
    this.key = key;
    this.master = master;
  }

  /** The snapshot is taken when its first statement runs. */
  void startSnapshotAt(long nowNanos) {
    if (snapshotNanos == NO_SNAPSHOT) {
      snapshotNanos = nowNanos;
    }
  }

  long snapshotNanosOr(long nowNanos) {
    return snapshotNanos == NO_SNAPSHOT ? nowNanos : snapshotNanos;
  }

  void holds(RowLocks.LockKey lock) {
    if (!locks.contains(lock)) {
      locks.add(lock);
    }
  }

  List<RowLocks.LockKey> locks() {
    return List.copyOf(locks);
  }

  /** The client is between statements: the idle clock runs until its next one arrives. */
  void idleClock(TimerHandle timer) {
    stopIdleClock();
    idleTimer = timer;
  }

  void stopIdleClock() {
    if (idleTimer != null) {
      idleTimer.cancel();
      idleTimer = null;
    }
  }
}
