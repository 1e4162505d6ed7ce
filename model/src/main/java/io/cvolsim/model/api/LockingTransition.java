package io.cvolsim.model.api;

import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.Assignment;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.DbStatement;
import io.cvolsim.model.db.DbTransaction;
import io.cvolsim.model.db.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * V3: the transition as a transaction with row locks instead of one conditional update. Lock the
 * volume row ({@code SELECT ... FOR UPDATE}), read what the check needs, check the expected
 * values in this process, then write the new values and commit in one message; a failed check
 * rolls back. Under {@code wrap_db_retry} a deadlock, a lock-wait timeout or a failed Galera
 * certification runs the whole transaction again.
 */
final class LockingTransition {
  private final DbClient db;

  LockingTransition(DbClient db) {
    this.db = db;
  }

  /** True when the volume matched the transition's expectations and now has its values. */
  SimFuture<Boolean> apply(String volumeId, Transition transition) {
    return db.inTransaction(transaction -> transaction.selectForUpdate(Database.VOLUMES, "id", volumeId)
        .flatMap(volumes -> isGone(volumes) ? rolledBack(transaction)
            : lockSnapshotsThenCheck(transaction, volumes.get(0), transition)));
  }

  /**
   * The ORM's queries skip soft-deleted rows (read_deleted='no'), so a volume deleted since the
   * request first loaded it is not found under the lock either. Without this, a lock wait long
   * enough for a delete and then a blind completion (which leaves a deleted row 'available')
   * let an extend through on a deleted volume.
   */
  private static boolean isGone(List<Row> volumes) {
    return volumes.isEmpty() || volumes.get(0).isTrue("deleted");
  }

  /**
   * The snapshots are read with a lock too: a plain read would let a snapshot created between
   * this read and the commit slip past delete's no-snapshots check, because snapshot creation
   * re-reads the volume without a lock and still sees it available. The lock covers the gap, so
   * such an insert waits for the commit and then sees the new status.
   */
  private SimFuture<Boolean> lockSnapshotsThenCheck(DbTransaction transaction, Row volume, Transition transition) {
    return transaction.selectForUpdate(Database.SNAPSHOTS, "volume_id", volume.get("id"))
        .flatMap(snapshots -> checkThenWrite(transaction, volume, snapshots, transition));
  }

  private SimFuture<Boolean> checkThenWrite(DbTransaction transaction, Row volume, List<Row> snapshots,
      Transition transition) {
    Condition.RowSource seen = table -> Database.SNAPSHOTS.equals(table) ? snapshots : List.of();
    if (!transition.expected().matches(volume, seen)) {
      return rolledBack(transaction);
    }
    List<Assignment> values = new ArrayList<>();
    for (Assignment assignment : transition.values()) {
      values.add(Assignment.set(assignment.column(), assignment.valueFor(volume, seen)));
    }
    DbStatement write = new DbStatement.Update(Database.VOLUMES, Condition.eq("id", volume.get("id")), values);
    return transaction.commit(List.of(write)).map(changed -> changed > 0);
  }

  private static SimFuture<Boolean> rolledBack(DbTransaction transaction) {
    return transaction.rollback().map(ignored -> false);
  }
}
