package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.Row;
import java.util.List;
import java.util.SortedMap;

/**
 * The workers-table locks of spec ha-aa-manager_locks (reference §7.5, NOT IMPLEMENTED in
 * Cinder): a lock is a {@code workers} row whose {@code resource_type} is {@value #RESOURCE_TYPE}
 * and whose {@code resource_id} is the lock name, so the table's unique key on (resource_type,
 * resource_id) is the exclusion. Nothing expires: a crashed holder's rows stay until cleanup
 * calls {@link #removeLocksHeldBy}.
 */
public final class WorkersTableLocks {
  /** The {@code resource_type} of lock rows; cleanup of operation rows should skip it. */
  public static final String RESOURCE_TYPE = "Lock";
  /** The column naming the lock (the spec's new {@code lock_name}). */
  public static final String LOCK_NAME = "lock_name";
  /** The column naming the holder's node, which cleanup matches on. */
  public static final String HOLDER = "lock_holder";

  private WorkersTableLocks() {}

  /** The row an acquire tries to insert. */
  static SortedMap<String, Object> lockRow(String lockName, NodeId holder, long holderLocalNanos) {
    return Row.values("resource_type", RESOURCE_TYPE, "resource_id", lockName, LOCK_NAME, lockName,
        HOLDER, holder.name(), "status", "locked", "created_at", holderLocalNanos, "deleted", false);
  }

  /** Condition matching exactly the lock row with this id. */
  static Condition rowWithId(long rowId) {
    return Condition.all(Condition.eq("id", rowId), Condition.eq("resource_type", RESOURCE_TYPE));
  }

  /**
   * Cleanup's part: deletes every lock row {@code holder} left behind and logs each as
   * {@link LockEvent.Kind#CLEANED}. The caller decides when the holder is dead; this deletes
   * whatever it finds. Answers how many rows went.
   */
  public static SimFuture<Integer> removeLocksHeldBy(DbClient db, LockLog lockLog, NodeId holder) {
    Condition heldBy = Condition.all(Condition.eq("resource_type", RESOURCE_TYPE),
        Condition.eq(HOLDER, holder.name()));
    return db.select(Database.WORKERS, heldBy).flatMap(rows -> removeEach(db, lockLog, holder, rows, 0, 0));
  }

  /** One row at a time, by id, so a row re-inserted by a new holder meanwhile is left alone. */
  private static SimFuture<Integer> removeEach(DbClient db, LockLog lockLog, NodeId holder,
      List<Row> rows, int index, int removedSoFar) {
    if (index == rows.size()) {
      return SimFuture.succeeded(removedSoFar);
    }
    Row row = rows.get(index);
    long rowId = row.longValue("id", 0);
    return db.delete(Database.WORKERS, rowWithId(rowId)).flatMap(count -> {
      if (count > 0) {
        lockLog.record(LockEvent.Kind.CLEANED, row.string(LOCK_NAME), holder, rowId,
            LockEvent.NO_OPERATION, "cleanup removed the holder's row");
      }
      return removeEach(db, lockLog, holder, rows, index + 1, removedSoFar + count);
    });
  }
}
