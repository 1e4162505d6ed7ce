package io.cvolsim.model.volume;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.api.StatusWriteObserver;
import io.cvolsim.model.config.ManagerCompletion;
import io.cvolsim.model.db.Assignment;
import io.cvolsim.model.db.AttachFlow;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.DbStatement;
import io.cvolsim.model.db.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * The manager's status writes. A completion is a blind save (Cinder today) or, under V19, a
 * conditional update expecting the transitional status; every write is reported to the
 * harness's observer so the history shows who moved a volume.
 */
final class StatusWriter {
  private final NodeContext context;
  private final DbClient db;
  private final ManagerCompletion completion;
  private final StatusWriteObserver observer;

  StatusWriter(NodeContext context, DbClient db, ManagerCompletion completion, StatusWriteObserver observer) {
    this.context = context;
    this.db = db;
    this.completion = completion;
    this.observer = observer;
  }

  /** Ends an operation that started from {@code fromStatus}; true when the row changed. */
  SimFuture<Boolean> complete(String table, String id, String fromStatus, SortedMap<String, Object> fields) {
    if (completion == ManagerCompletion.BLIND) {
      return save(table, id, fields);
    }
    return observed(table, id, fields, refusalsCounted(
        db.conditionalUpdate(table, id, Condition.eq("status", fromStatus), Assignment.setAll(fields))));
  }

  /**
   * A status derived from other rows (volume_detached's recompute from the attachments): written
   * whatever the status is now, but only on a row that still lives; under CAS completions not
   * over a delete that took the volume meanwhile.
   */
  SimFuture<Boolean> recompute(String table, String id, SortedMap<String, Object> fields) {
    return observed(table, id, fields, refusalsCounted(
        db.conditionalUpdate(table, id, AttachFlow.endingMayLand(completion), Assignment.setAll(fields))));
  }

  /**
   * Cinder's {@code db.volume_attached}: the attachment's attached and the volume's completion in
   * one transaction (one writer session), so no fault can land one half without the other. Under
   * CAS completions the volume must still be {@code fromStatus}; under blind ones any live row.
   * A deadlock anywhere runs the whole transaction again (wrap_db_retry). True when it committed.
   */
  SimFuture<Boolean> completeAttached(String volumeId, String fromStatus, SortedMap<String, Object> fields,
      Object attachmentId) {
    return completeWith(volumeId, fromStatus, fields, List.of(new DbStatement.Update(Database.ATTACHMENTS,
        Condition.eq("id", attachmentId), List.of(Assignment.set("attach_status", "attached")))));
  }

  /**
   * A completion of the volume and other writes that belong to it ({@code alongside}: the
   * attachment of volume_attached, the quota usage of an atomic destroy), committed together under
   * the volume's row lock with the same conditions as {@link #completeAttached}.
   */
  SimFuture<Boolean> completeWith(String volumeId, String fromStatus, SortedMap<String, Object> fields,
      List<DbStatement> alongside) {
    SimFuture<Boolean> applied = db.inTransaction(transaction -> transaction.selectForUpdate(Database.VOLUMES, "id", volumeId)
        .flatMap(rows -> {
          Row volume = rows.isEmpty() ? null : rows.get(0);
          boolean lands = volume != null && !volume.isTrue("deleted")
              && (completion == ManagerCompletion.BLIND || fromStatus.equals(volume.get("status")));
          if (!lands) {
            return transaction.rollback().map(ignored -> false);
          }
          List<DbStatement> writes = new ArrayList<>(alongside);
          writes.add(new DbStatement.Update(Database.VOLUMES, Condition.eq("id", volumeId), Assignment.setAll(fields)));
          return transaction.commit(writes).map(changed -> changed > 0);
        }));
    return observed(Database.VOLUMES, volumeId, fields, refusalsCounted(applied));
  }

  /** A plain save of these fields, as the ORM's {@code save()} does. */
  SimFuture<Boolean> save(String table, String id, SortedMap<String, Object> fields) {
    return observed(table, id, fields, db.save(table, id, fields));
  }

  /** Counts a conditional completion the database refused; a blind one is never refused. */
  private SimFuture<Boolean> refusalsCounted(SimFuture<Boolean> write) {
    return write.map(changed -> {
      if (!changed && completion != ManagerCompletion.BLIND) {
        context.probe("manager.cas-completion-refused");
      }
      return changed;
    });
  }

  private SimFuture<Boolean> observed(String table, String id, SortedMap<String, Object> fields,
      SimFuture<Boolean> write) {
    return Database.VOLUMES.equals(table) ? observer.observe(context.self().name(), id, fields, write) : write;
  }
}
