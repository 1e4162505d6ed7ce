package io.cvolsim.model.quota;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.Assignment;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.Row;
import java.util.List;

/**
 * Cinder's volume quota usage of the one project (reference §8 S13), kept in the database as
 * {@code in_use} and {@code reserved}: a create reserves one, then commits it once its row is
 * inserted or rolls it back; a volume's destruction releases one (Cinder reserves -1 before
 * volume_destroy and commits it after; the model writes that commit). Each step is one atomic
 * UPDATE, as QUOTAS.reserve and commit are transactions. A step that fails is not retried: the
 * usage drifts (a failed reserve fails the create instead), as Cinder's does until a reservation expires or an admin syncs it. When tracking
 * is off nothing is written, so runs without quotas send exactly what they did before.
 */
public final class QuotaUsage {
  /** The usage row of the project's volumes. */
  public static final String ROW_ID = "volumes";
  private final NodeContext context;
  private final DbClient db;
  private final boolean tracking;

  public QuotaUsage(NodeContext context, DbClient db, boolean tracking) {
    this.context = context;
    this.db = db;
    this.tracking = tracking;
  }

  /** The usage row a deployment with quotas starts from. */
  public static Row initialRow() {
    return Row.of(Row.values("id", ROW_ID, "in_use", 0L, "reserved", 0L, "deleted", false));
  }

  /** Fails when the database cannot be reached, and the create with it: nothing was reserved. */
  public SimFuture<Void> reserve() {
    if (!tracking) {
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
    if (!tracking) {
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
