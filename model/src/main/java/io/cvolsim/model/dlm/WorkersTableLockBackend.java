package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.Row;
import java.util.List;

/**
 * Workers-table locks (reference §7.5): acquire is an INSERT that the unique key refuses while
 * the row exists, retried by polling; release deletes the holder's own row by id; the fencing
 * token is the row's id, which the table hands out in increasing order.
 */
final class WorkersTableLockBackend implements LockBackend {
  private final NodeContext context;
  private final DbClient db;

  WorkersTableLockBackend(NodeContext context, DlmOptions options) {
    this.context = context;
    this.db = new DbClient(context, options.database(), options.requestTimeoutNanos());
  }

  @Override
  public SimFuture<Attempt> tryAcquire(String name, Queued queued) {
    return db.insert(Database.WORKERS, WorkersTableLocks.lockRow(name, context.self(), context.localTimeNanos()))
        .thenHandle(outcome -> {
          if (outcome instanceof Outcome.Success<Row> success) {
            return SimFuture.succeeded(success.value() == null
                ? new Busy(null)
                : new Granted(success.value().longValue("id", 0)));
          }
          // The insert may have run: then a row nobody knows it holds stays until cleanup.
          context.probe("dlm.workers-lock-insert-unknown");
          return SimFuture.failed(((Outcome.Failed<Row>) outcome).failure());
        });
  }

  /** The condition language has no LIKE, so the prefix is matched here on all lock rows. */
  @Override
  public SimFuture<List<String>> heldNamesStartingWith(String prefix) {
    return db.select(Database.WORKERS, Condition.eq("resource_type", WorkersTableLocks.RESOURCE_TYPE))
        .map(rows -> rows.stream().map(row -> row.string(WorkersTableLocks.LOCK_NAME))
            .filter(name -> name.startsWith(prefix)).sorted().toList());
  }

  @Override
  public void abandon(String name, Queued queued) {
    // A refused insert leaves nothing behind.
  }

  @Override
  public SimFuture<ReleaseOutcome> release(LockGrant grant) {
    SimFuture<ReleaseOutcome> outcome = SimFuture.pending();
    db.delete(Database.WORKERS, WorkersTableLocks.rowWithId(grant.token())).whenComplete(deleted -> {
      if (deleted instanceof Outcome.Success<Integer> count) {
        outcome.complete(count.value() > 0 ? ReleaseOutcome.RELEASED : ReleaseOutcome.NOT_HELD);
      } else {
        outcome.complete(ReleaseOutcome.UNREACHABLE);
      }
    });
    return outcome;
  }
}
