package io.cvolsim.model.db;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.SimFuture;
import java.util.List;

/**
 * One transaction on a connection of {@link DbClient}: locking reads, then the writes and COMMIT
 * in one message, or a ROLLBACK. Each statement can time out like any other; {@link
 * DbClient#inTransaction} closes the connection then.
 */
public final class DbTransaction {
  private final NodeContext context;
  private final NodeId database;
  private final long statementTimeoutNanos;
  private final TransactionId id;
  private boolean opened;

  DbTransaction(NodeContext context, NodeId database, long statementTimeoutNanos, TransactionId id) {
    this.context = context;
    this.database = database;
    this.statementTimeoutNanos = statementTimeoutNanos;
    this.id = id;
  }

  /** {@code SELECT * FROM table WHERE column = value FOR UPDATE}: waits while another transaction holds the rows. */
  public SimFuture<List<Row>> selectForUpdate(String table, String column, Object value) {
    DbStatement.LockingSelect select = new DbStatement.LockingSelect(id, !opened, table, column, value);
    opened = true;
    return context.call(database, select, DbResult.class, statementTimeoutNanos)
        .map(result -> ((DbResult.Rows) result).rows());
  }

  /** The writes and COMMIT; answers how many rows they changed. */
  public SimFuture<Integer> commit(List<DbStatement> writes) {
    return context.call(database, new DbStatement.Commit(id, writes), DbResult.class, statementTimeoutNanos)
        .map(result -> ((DbResult.Count) result).count());
  }

  /** ROLLBACK; completes when the server answers or the statement times out (it then rolls back on its own). */
  public SimFuture<Void> rollback() {
    return context.call(database, new DbStatement.Rollback(id), DbResult.class, statementTimeoutNanos)
        .thenHandle(ignored -> SimFuture.succeeded(null));
  }

  /**
   * After a failure the pool drops the connection without waiting; the server sees it close and
   * rolls back (a lost close is caught by its idle timeout).
   */
  void closeConnection() {
    if (opened) {
      rollback();
    }
  }
}
