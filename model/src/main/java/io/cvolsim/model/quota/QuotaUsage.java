package io.cvolsim.model.quota;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.config.QuotaKeeping;
import io.cvolsim.model.db.Assignment;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.DbStatement;
import io.cvolsim.model.db.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Cinder's volume quota usage of the one project (reference §8 S13), kept in the database as
 * {@code in_use} and {@code reserved}: a create reserves one, then commits it once its row is
 * inserted or rolls it back; a volume's destruction releases one (Cinder reserves -1 before
 * volume_destroy and commits it after; the model writes that commit). Each step is one atomic
 * UPDATE, as QUOTAS.reserve and commit are transactions. A step that fails is not retried: the
 * usage drifts (a failed reserve fails the create instead), as Cinder's does until a reservation
 * expires or an admin syncs it. Under {@link QuotaKeeping#ATOMIC} those steps write nothing: the
 * row's own transaction carries {@link #changeWithRow}. When tracking is off nothing is written, so
 * runs without quotas send exactly what they did before.
 */
public final class QuotaUsage {
  /** The usage row of the project's volumes. */
  public static final String ROW_ID = "volumes";
  private final NodeContext context;
  private final DbClient db;
  private final QuotaKeeping keeping;

  public QuotaUsage(NodeContext context, DbClient db, QuotaKeeping keeping) {
    this.context = context;
    this.db = db;
    this.keeping = keeping;
  }

  /** Whether the usage changes in the transaction that inserts or destroys the volume's row. */
  public boolean changesWithRow() {
    return keeping == QuotaKeeping.ATOMIC;
  }

  /** The write a row's transaction adds under {@link QuotaKeeping#ATOMIC}: {@code volumes} more in use. */
  public List<DbStatement> changeWithRow(long volumes) {
    if (!changesWithRow() || volumes == 0) {
      return List.of();
    }
    return List.of(new DbStatement.Update(Database.QUOTA_USAGES, Condition.eq("id", ROW_ID),
        List.of(new Assignment.Increment("in_use", volumes))));
  }

  /** The usage row a deployment with quotas starts from. */
  public static Row initialRow() {
    return Row.of(Row.values("id", ROW_ID, "in_use", 0L, "reserved", 0L, "deleted", false));
  }

  /**
   * A create's INSERT of its volume row, counted: Cinder reserves, inserts, then commits (or rolls
   * back when the id is taken); under {@link QuotaKeeping#ATOMIC} the INSERT and the usage commit in
   * one transaction that first locks the id. Answers the stored row, or null when the id is taken.
   */
  public SimFuture<Row> insertCounted(Row volume) {
    if (!changesWithRow()) {
      return reserve().flatMap(reserved -> db.insert(Database.VOLUMES, volume.columns()))
          .flatMap(inserted -> (inserted == null ? rollback() : commit()).map(settled -> inserted));
    }
    return db.inTransaction(transaction -> transaction.selectForUpdate(Database.VOLUMES, "id", volume.get("id"))
        .flatMap(existing -> {
          if (!existing.isEmpty()) {
            return transaction.rollback().map(ignored -> (Row) null);
          }
          List<DbStatement> writes = new ArrayList<>();
          writes.add(new DbStatement.Insert(Database.VOLUMES, volume));
          writes.addAll(changeWithRow(1));
          return transaction.commit(writes).map(changed -> volume);
        }));
  }

  /** Fails when the database cannot be reached, and the create with it: nothing was reserved. */
  public SimFuture<Void> reserve() {
    if (keeping != QuotaKeeping.SEPARATE) {
      return SimFuture.succeeded(null);
    }
    return db.updateOnce(Database.QUOTA_USAGES, Condition.eq("id", ROW_ID),
        List.of(new Assignment.Increment("reserved", 1))).map(count -> null);
  }

  public SimFuture<Void> commit() {
    return change("quota.commit", List.of(new Assignment.Increment("reserved", -1), new Assignment.Increment("in_use", 1)));
  }

  public SimFuture<Void> rollback() {
    return change("quota.rollback", List.of(new Assignment.Increment("reserved", -1)));
  }

  /** One volume fewer in use: after volume_destroy, or the API's destroy of a never-scheduled volume. */
  public SimFuture<Void> release() {
    return change("quota.release", List.of(new Assignment.Increment("in_use", -1)));
  }

  private SimFuture<Void> change(String step, List<Assignment> values) {
    if (keeping != QuotaKeeping.SEPARATE) {
      return SimFuture.succeeded(null);
    }
    return db.updateOnce(Database.QUOTA_USAGES, Condition.eq("id", ROW_ID), values).thenHandle(outcome -> {
      if (!outcome.isSuccess()) {
        context.probe(step + "-failed");
      }
      return SimFuture.<Void>succeeded(null);
    });
  }
}
