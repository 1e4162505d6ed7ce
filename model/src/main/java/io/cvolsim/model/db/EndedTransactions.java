package io.cvolsim.model.db;

import io.cvolsim.kernel.api.Durations;
import java.util.ArrayDeque;
import java.util.TreeSet;

/**
 * Transactions that ended, remembered for a while so that a late or duplicated statement of one
 * (a ROLLBACK that overtook it, a redelivered first statement) cannot open it again, holding
 * locks nobody will release or committing writes twice.
 */
final class EndedTransactions {
  /**
   * Longer than any statement can live in the network: a client waits at most a minute for a
   * statement, and a cut link drops a request whose caller gave up.
   */
  private static final long REMEMBERED_NANOS = Durations.seconds(600);

  private record Ended(TransactionKey key, long endedNanos) {}

  private final TreeSet<TransactionKey> keys = new TreeSet<>();
  private final ArrayDeque<Ended> inEndOrder = new ArrayDeque<>();

  void add(TransactionKey key, long nowNanos) {
    forgetBefore(nowNanos - REMEMBERED_NANOS);
    if (keys.add(key)) {
      inEndOrder.addLast(new Ended(key, nowNanos));
    }
  }

  boolean contains(TransactionKey key) {
    return keys.contains(key);
  }

  private void forgetBefore(long oldestNanos) {
    while (!inEndOrder.isEmpty() && inEndOrder.peekFirst().endedNanos() < oldestNanos) {
      keys.remove(inEndOrder.removeFirst().key());
    }
  }
}
